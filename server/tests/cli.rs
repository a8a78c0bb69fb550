//! The binary itself: `--help` answers with the usage, and `--access-log` writes one line per
//! request (what the browser tests count), without query strings.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_mascate-server");

#[test]
fn help_prints_the_usage() {
    for flag in ["--help", "-h"] {
        let out = Command::new(BIN).arg(flag).output().expect("run");
        assert!(out.status.success(), "{flag}: {}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8_lossy(&out.stdout);
        for option in ["--port", "--access-ttl", "--clock-offset", "--access-log", "generate-fixtures"] {
            assert!(text.contains(option), "{flag} mentions {option}: {text}");
        }
    }
}

#[tokio::test]
async fn the_access_log_has_one_line_per_request_and_no_query() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("logs/access.log");
    let fixtures = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures");
    let mut child = Command::new(BIN)
        .args(["--port", "0", "--data-dir"])
        .arg(dir.path().join("data"))
        .arg("--fixtures")
        .arg(&fixtures)
        .arg("--access-log")
        .arg(&log)
        .stdout(Stdio::piped())
        .spawn()
        .expect("start");
    // Held open to the end: the server prints more lines after the first.
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let base = first.split_whitespace().find(|w| w.starts_with("http://")).unwrap().trim_end_matches('/').to_string();
    let http = reqwest::Client::new();
    let res = http
        .post(format!("{base}/api/oauth2/v1/token?grant_type=password&username=ana&password=mascate1"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    assert_eq!(http.get(format!("{base}/api/tgv/customers")).send().await.unwrap().status(), 401);
    child.kill().unwrap();
    child.wait().unwrap();
    drop(stdout);
    let text = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].ends_with(" POST /api/oauth2/v1/token 201"), "{}", lines[0]);
    assert!(lines[1].ends_with(" GET /api/tgv/customers 401"), "{}", lines[1]);
    assert!(!text.contains("mascate1"), "no password in the log");
}
