//! The release server as a process of its own, and its memory.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

pub struct Server {
    pub child: Child,
    pub base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn binary() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/release/mascate-server")
}

pub fn start(data: &Path, args: &[&str]) -> Server {
    start_with(data, args, None)
}

/// As [`start`], the server's log (`MASCATE_LOG=info`) going to `log`.
pub fn start_logged(data: &Path, args: &[&str], log: &Path) -> Server {
    start_with(data, args, Some(log))
}

fn start_with(data: &Path, args: &[&str], log: Option<&Path>) -> Server {
    use std::io::BufRead;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut child = Command::new(binary())
        .args(["--port", "0", "--fixtures"])
        .arg(root.join("fixtures"))
        .arg("--dist")
        .arg(root.join("dist"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("MASCATE_LOG", if log.is_some() { "info" } else { "error" })
        .stdout(Stdio::piped())
        .stderr(match log {
            Some(path) => std::fs::File::create(path).expect("log file").into(),
            None => Stdio::null(),
        })
        .spawn()
        .expect("target/release/mascate-server (cargo build --release -p mascate-server)");
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let base = loop {
        let line = lines.next().expect("server address").unwrap();
        if let Some(url) = line.strip_prefix("Mascate is running at ") {
            break url.trim_end_matches('/').to_string();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    Server { child, base }
}

/// Resident and peak resident memory of a process, in MB.
pub fn memory(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kb = |key: &str| {
        status.lines().find(|l| l.starts_with(key)).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
    };
    (kb("VmRSS:").unwrap_or(0.0) / 1024.0, kb("VmHWM:").unwrap_or(0.0) / 1024.0)
}

/// CPU seconds a process has used (user + system).
pub fn cpu_secs(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which may hold spaces): utime and stime are 14 and 15.
    let after = stat.rsplit_once(") ").map(|(_, rest)| rest).unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    // SAFETY: sysconf only reads a constant.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    (ticks(11) + ticks(12)) / hz
}
