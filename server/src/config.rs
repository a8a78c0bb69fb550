//! Server settings, from flags or environment variables; the defaults suit the demo.

use std::path::PathBuf;

/// Everything the server can be told at start-up.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on (`--bind`, `MASCATE_BIND`).
    pub bind: String,
    /// Port (`--port`, `MASCATE_PORT`); 0 picks a free one.
    pub port: u16,
    /// Where the SQLite file lives (`--data-dir`, `MASCATE_DATA_DIR`); kept across restarts.
    pub data_dir: PathBuf,
    /// The committed demo fixtures (`--fixtures`, `MASCATE_FIXTURES`).
    pub fixtures_dir: PathBuf,
    /// The built app to serve (`--dist`, `MASCATE_DIST`).
    pub dist_dir: PathBuf,
    /// Access-token lifetime in seconds (`--access-ttl`, `MASCATE_ACCESS_TTL`); 1 h like Protheus.
    pub access_ttl_secs: i64,
    /// Refresh-token lifetime in seconds (`--refresh-ttl`, `MASCATE_REFRESH_TTL`); 24 h.
    pub refresh_ttl_secs: i64,
    /// Seconds a just-rotated refresh token still answers its successor pair
    /// (`--refresh-grace`, `MASCATE_REFRESH_GRACE`): two tabs or a retry racing, not a thief.
    pub refresh_grace_secs: i64,
    /// Shifts the server's clock (`--clock-offset`, `MASCATE_CLOCK_OFFSET_SECS`), so tests can
    /// cross midnight and see yesterday's offline selection expire.
    pub clock_offset_secs: i64,
    /// Demo mode (`--demo`/`--no-demo`, `MASCATE_DEMO`): the login page shows the demo logins.
    pub demo: bool,
    /// How long a queued document waits, and then is processed, in milliseconds
    /// (`--queue-delay-ms`, `MASCATE_QUEUE_DELAY_MS`), so "waiting" and "processing" show in
    /// a demo; 0 (the default) processes as fast as the engine goes.
    pub queue_delay_ms: i64,
    /// Appends one line per request to this file (`--access-log`, `MASCATE_ACCESS_LOG`).
    pub access_log: Option<PathBuf>,
    /// Days a finished queue row is kept (`--queue-retention-days`, `MASCATE_QUEUE_RETENTION_DAYS`).
    pub queue_retention_days: i64,
    /// Seconds a connection may take to send its request headers (`--header-timeout`,
    /// `MASCATE_HEADER_TIMEOUT`).
    pub header_timeout_secs: u64,
    /// Seconds a request's body may take beyond one second per [`crate::serve::BODY_MIN_RATE`]
    /// bytes received (`--body-timeout`, `MASCATE_BODY_TIMEOUT`).
    pub body_timeout_secs: u64,
    /// Connections one client address may hold open (`--connections-per-address`,
    /// `MASCATE_CONNECTIONS_PER_ADDRESS`).
    pub connections_per_address: usize,
    /// Connections open at once (`--max-connections`, `MASCATE_MAX_CONNECTIONS`), also kept
    /// below the process's file limit.
    pub max_connections: usize,
    /// Failed logins in a row after which a user name's untrusted attempts wait growing delays
    /// (`--lockout-failures`, `MASCATE_LOCKOUT_FAILURES`).
    pub lockout_failures: u32,
    /// The longest of those delays, in minutes (`--lockout-minutes`, `MASCATE_LOCKOUT_MINUTES`).
    pub lockout_minutes: i64,
    /// Failed logins from one address within 5 minutes before it must wait out the window
    /// (`--address-failures`, `MASCATE_ADDRESS_FAILURES`).
    pub address_failures: u32,
    /// Threads that check passwords (`--password-workers`, `MASCATE_PASSWORD_WORKERS`).
    pub password_workers: usize,
    /// Queue rows one seller may hold (`--queue-quota-documents`, `MASCATE_QUEUE_QUOTA_DOCUMENTS`).
    pub queue_quota_documents: u64,
    /// Bytes of queued bodies one seller may hold (`--queue-quota-mb`, `MASCATE_QUEUE_QUOTA_MB`).
    pub queue_quota_bytes: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            bind: "127.0.0.1".into(),
            port: 8080,
            data_dir: PathBuf::from("data"),
            fixtures_dir: PathBuf::from("fixtures"),
            dist_dir: PathBuf::from("dist"),
            access_ttl_secs: 3600,
            refresh_ttl_secs: 24 * 3600,
            refresh_grace_secs: 30,
            clock_offset_secs: 0,
            demo: true,
            queue_delay_ms: 0,
            access_log: None,
            queue_retention_days: 30,
            header_timeout_secs: 10,
            body_timeout_secs: 10,
            connections_per_address: 256,
            max_connections: 1024,
            lockout_failures: 5,
            lockout_minutes: 15,
            address_failures: 100,
            password_workers: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).min(4),
            queue_quota_documents: 5_000,
            queue_quota_bytes: 32 * 1024 * 1024,
        }
    }
}

/// What `mascate-server --help` prints.
pub const USAGE: &str = "\
mascate-server: the stand-in Protheus sales-portal server (serves the app too)

Usage:
  mascate-server [serve] [OPTIONS]
  mascate-server generate-fixtures [--out DIR] [--scale N]
  mascate-server generate-customers COUNT [OUT]
  mascate-server user add NAME [--name N] [--seller CODE] [--email E] [--admin] [--data-dir DIR]
  mascate-server user password NAME [--data-dir DIR]   (password from MASCATE_PASSWORD or stdin)
  mascate-server user list [--data-dir DIR]

Options (each also as an environment variable MASCATE_<NAME>, flags win):
  --bind ADDR            address to listen on (127.0.0.1)
  --port N               port, 0 for any free one (8080)
  --data-dir DIR         where the SQLite file lives (data)
  --fixtures DIR         demo fixtures to seed from (fixtures)
  --dist DIR             the built app to serve (dist)
  --access-ttl SECS      access-token lifetime (3600)
  --refresh-ttl SECS     refresh-token lifetime (86400)
  --refresh-grace SECS   a rotated refresh token answers its successor pair this long (30)
  --clock-offset SECS    shifts the server's clock (0; env MASCATE_CLOCK_OFFSET_SECS)
  --demo | --no-demo     show the demo logins on the login page (demo)
  --queue-delay-ms MS    how long a queued document waits, then is processed (0; 1000
                         shows waiting and processing in a demo)
  --queue-retention-days N   days a finished queue row is kept (30)
  --header-timeout SECS  time a connection has to send its request headers (10)
  --body-timeout SECS    time a request's body may take, plus 1 s per 8 KB received (10)
  --max-connections N    connections open at once (1024, kept below the file limit)
  --connections-per-address N   connections one client address may hold (256)
  --lockout-failures N   failed logins in a row before a name's untrusted attempts wait (5)
  --lockout-minutes N    the longest such wait; they double from 1 s up to it (15)
  --address-failures N   failed logins from one address in 5 minutes before it waits (100)
  --password-workers N   threads that check passwords (cores, at most 4)
  --queue-quota-documents N   integration-queue rows one seller may hold (5000)
  --queue-quota-mb N     megabytes of queued documents one seller may hold (32)
  --access-log FILE      append one line per request (time, method, path, status)
  -h, --help             this text
";

impl Config {
    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join("mascate.sqlite3")
    }

    /// How the accept loop treats connections.
    pub fn limits(&self) -> crate::serve::Limits {
        crate::serve::Limits {
            header_timeout: std::time::Duration::from_secs(self.header_timeout_secs),
            max_connections: self.max_connections,
            body_timeout: std::time::Duration::from_secs(self.body_timeout_secs),
            per_address: self.connections_per_address,
        }
    }

    /// Reads the environment, then the flags (flags win). Returns an error line on a bad value.
    pub fn from_env_and_args(args: &[String]) -> Result<Config, String> {
        let mut c = Config::default();
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let set = |c: &mut Config, key: &str, value: &str| -> Result<(), String> {
            let num = |v: &str| v.parse::<i64>().map_err(|_| format!("{key}: not a number: {v}"));
            match key {
                "bind" => c.bind = value.into(),
                "port" => c.port = value.parse().map_err(|_| format!("port: bad value {value}"))?,
                "data-dir" => c.data_dir = value.into(),
                "fixtures" => c.fixtures_dir = value.into(),
                "dist" => c.dist_dir = value.into(),
                "access-ttl" => c.access_ttl_secs = num(value)?,
                "refresh-ttl" => c.refresh_ttl_secs = num(value)?,
                "refresh-grace" => c.refresh_grace_secs = num(value)?.clamp(0, 300),
                "clock-offset" => c.clock_offset_secs = num(value)?,
                "demo" => c.demo = !matches!(value, "0" | "false" | "no"),
                "queue-delay-ms" => c.queue_delay_ms = num(value)?,
                "access-log" => c.access_log = Some(value.into()),
                "queue-retention-days" => c.queue_retention_days = num(value)?.max(0),
                "header-timeout" => c.header_timeout_secs = num(value)?.max(1) as u64,
                "max-connections" => c.max_connections = num(value)?.max(1) as usize,
                "body-timeout" => c.body_timeout_secs = num(value)?.max(1) as u64,
                "connections-per-address" => c.connections_per_address = num(value)?.max(1) as usize,
                "queue-quota-documents" => c.queue_quota_documents = num(value)?.max(1) as u64,
                "queue-quota-mb" => c.queue_quota_bytes = num(value)?.max(1) as u64 * 1024 * 1024,
                "lockout-failures" => c.lockout_failures = num(value)?.clamp(1, 1000) as u32,
                "lockout-minutes" => c.lockout_minutes = num(value)?.max(0),
                "address-failures" => c.address_failures = num(value)?.clamp(1, 1_000_000) as u32,
                "password-workers" => c.password_workers = num(value)?.clamp(1, 64) as usize,
                _ => return Err(format!("unknown option --{key}")),
            }
            Ok(())
        };
        for (var, key) in [
            ("MASCATE_BIND", "bind"),
            ("MASCATE_PORT", "port"),
            ("MASCATE_DATA_DIR", "data-dir"),
            ("MASCATE_FIXTURES", "fixtures"),
            ("MASCATE_DIST", "dist"),
            ("MASCATE_ACCESS_TTL", "access-ttl"),
            ("MASCATE_REFRESH_TTL", "refresh-ttl"),
            ("MASCATE_REFRESH_GRACE", "refresh-grace"),
            ("MASCATE_CLOCK_OFFSET_SECS", "clock-offset"),
            ("MASCATE_DEMO", "demo"),
            ("MASCATE_QUEUE_DELAY_MS", "queue-delay-ms"),
            ("MASCATE_ACCESS_LOG", "access-log"),
            ("MASCATE_QUEUE_RETENTION_DAYS", "queue-retention-days"),
            ("MASCATE_HEADER_TIMEOUT", "header-timeout"),
            ("MASCATE_MAX_CONNECTIONS", "max-connections"),
            ("MASCATE_BODY_TIMEOUT", "body-timeout"),
            ("MASCATE_CONNECTIONS_PER_ADDRESS", "connections-per-address"),
            ("MASCATE_QUEUE_QUOTA_DOCUMENTS", "queue-quota-documents"),
            ("MASCATE_QUEUE_QUOTA_MB", "queue-quota-mb"),
            ("MASCATE_LOCKOUT_FAILURES", "lockout-failures"),
            ("MASCATE_LOCKOUT_MINUTES", "lockout-minutes"),
            ("MASCATE_ADDRESS_FAILURES", "address-failures"),
            ("MASCATE_PASSWORD_WORKERS", "password-workers"),
        ] {
            if let Some(v) = env(var) {
                set(&mut c, key, &v)?;
            }
        }
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let Some(flag) = arg.strip_prefix("--") else {
                return Err(format!("unexpected argument {arg}"));
            };
            match flag {
                "demo" => c.demo = true,
                "no-demo" => c.demo = false,
                _ => {
                    let (key, value) = match flag.split_once('=') {
                        Some((k, v)) => (k.to_string(), v.to_string()),
                        None => {
                            let v = it.next().ok_or_else(|| format!("--{flag} needs a value"))?;
                            (flag.to_string(), v.clone())
                        }
                    };
                    set(&mut c, &key, &value)?;
                }
            }
        }
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_override_defaults() {
        let args: Vec<String> =
            ["--port", "9000", "--access-ttl=5", "--no-demo"].iter().map(|s| s.to_string()).collect();
        let c = Config::from_env_and_args(&args).unwrap();
        assert_eq!(c.port, 9000);
        assert_eq!(c.access_ttl_secs, 5);
        assert!(!c.demo);
        assert!(Config::from_env_and_args(&["--port".into()]).is_err());
        assert!(Config::from_env_and_args(&["--bogus=1".into()]).is_err());
    }
}
