//! Starts a real server on a free loopback port over a temporary SQLite file seeded from the
//! committed fixtures, and offers a small client for the contract's calls.
#![allow(dead_code)]

use std::path::PathBuf;

use mascate_server::{AppState, Config};
use std::time::Duration;

use serde_json::{json, Value};

pub struct TestServer {
    pub base: String,
    pub state: AppState,
    pub http: reqwest::Client,
    // Held so the database outlives the test.
    pub _dir: tempfile::TempDir,
}

pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

impl TestServer {
    /// A server with default settings.
    pub async fn start() -> TestServer {
        TestServer::start_with(|_| {}).await
    }

    /// A server with settings changed by `tweak` (token lifetimes, clock offset, demo).
    pub async fn start_with(tweak: impl FnOnce(&mut Config)) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut config = Config {
            port: 0,
            data_dir: dir.path().join("data"),
            fixtures_dir: fixtures_dir(),
            dist_dir: dir.path().join("dist"),
            ..Config::default()
        };
        tweak(&mut config);
        let state = AppState::open(config).expect("server state");
        mascate_server::queue::start(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().unwrap();
        let serving = state.clone();
        tokio::spawn(async move {
            mascate_server::serve(listener, serving, std::future::pending()).await.expect("serve");
        });
        TestServer { base: format!("http://{addr}"), state, http: reqwest::Client::new(), _dir: dir }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Password grant with query-string parameters, as Protheus callers send them.
    pub async fn login(&self, user: &str, password: &str) -> reqwest::Response {
        self.http
            .post(self.url("/api/oauth2/v1/token"))
            .query(&[("grant_type", "password"), ("username", user), ("password", password)])
            .send()
            .await
            .expect("token call")
    }

    /// Refresh grant with form parameters, as the app sends it.
    pub async fn refresh(&self, refresh_token: &str) -> reqwest::Response {
        self.http
            .post(self.url("/api/oauth2/v1/token"))
            .form(&[("grant_type", "refresh_token"), ("refresh_token", refresh_token)])
            .send()
            .await
            .expect("token call")
    }

    /// An access token for a demo seller (ana → 000001, bruno → 000002, carla → 000003).
    pub async fn token(&self, user: &str) -> String {
        let password = match user {
            "ana" => "mascate1",
            "bruno" => "mascate2",
            "carla" => "mascate3",
            "admin" => "admin-not-a-seller",
            other => panic!("no demo user {other}"),
        };
        let res = self.login(user, password).await;
        assert_eq!(res.status(), 201, "login of {user}");
        let body: Value = res.json().await.unwrap();
        body["access_token"].as_str().unwrap().to_string()
    }

    /// GET with a bearer token; returns status and JSON body.
    pub async fn get(&self, token: &str, path: &str) -> (u16, Value) {
        let res = self.http.get(self.url(path)).bearer_auth(token).send().await.expect("GET");
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    /// GET that must be refused as bad input: 400 with a message.
    pub async fn assert_400(&self, token: &str, path: &str) {
        let (status, body) = self.get(token, path).await;
        assert_eq!(status, 400, "{path}: {body}");
        assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()), "{path}: {body}");
    }

    pub async fn send(&self, method: reqwest::Method, token: &str, path: &str, body: &Value) -> (u16, Value) {
        let res = self.http.request(method, self.url(path)).bearer_auth(token).json(body).send().await.expect("write");
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    /// Runs one ERP-side write, `?1` bound to a fresh stamp and `?2` to `key`.
    pub async fn stamped(&self, statement: &'static str, key: &'static str) {
        self.state
            .db
            .write(move |tx| {
                tx.conn.execute(statement, rusqlite::params![tx.stamp(), key])?;
                Ok(())
            })
            .await
            .unwrap();
    }

    /// Saves today's offline selection of customers (`code+store` keys) for the token's seller.
    pub async fn select_customers(&self, token: &str, keys: &[&str]) -> String {
        self.select(token, "000002", keys).await
    }

    /// Saves today's offline selection of `schema` for the token's seller; returns its uuid.
    pub async fn select(&self, token: &str, schema: &str, keys: &[&str]) -> String {
        let items: Vec<Value> = keys.iter().map(|k| serde_json::json!({"entityid": k})).collect();
        let body = serde_json::json!({"header": {"schemaid": schema}, "items": items});
        let (status, res) = self.send(reqwest::Method::POST, token, "/api/pgv/sellerfilters/", &body).await;
        assert_eq!(status, 201, "filter saved: {res}");
        res["items"][0]["uuid"].as_str().unwrap().to_string()
    }
}

/// The `items` of a list envelope.
pub fn items(body: &Value) -> &Vec<Value> {
    body["items"].as_array().unwrap_or_else(|| panic!("no items in {body}"))
}

/// One property of every item.
pub fn column(body: &Value, field: &str) -> Vec<String> {
    items(body).iter().map(|i| i[field].as_str().unwrap_or_default().to_string()).collect()
}

/// A JSON number, or a panic that shows what came instead.
pub fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

/// A server whose queue processes at once.
pub async fn fast() -> TestServer {
    TestServer::start_with(|c| c.queue_delay_ms = 0).await
}

/// An order's integration-queue body for ana (seller 000001): `(product, quantity, price)` lines.
pub fn order_body(id: &str, customer: &str, lines: &[(&str, f64, f64)]) -> Value {
    let items: Vec<Value> = lines
        .iter()
        .map(|(p, q, price)| json!({"productid": p, "quantity": q, "unitprice": price, "pricelist": price}))
        .collect();
    json!({"id": id, "source": "MATA410", "json": {
        "header": {"externalid": id, "customerid": customer, "customerstore": "01", "paymentconditionid": "002",
                   "pricelistid": "001", "ordertype": "N", "sellerid": "000001"},
        "items": items}})
}

pub async fn queue_row(s: &TestServer, token: &str, id: &str) -> Value {
    let filter = mascate_domain::filter::Expr::eq("id", id).to_string();
    let res = s.http.get(s.url("/api/tgv/integrationqueue")).bearer_auth(token).query(&[("FILTER", filter)]).send();
    let all: Value = res.await.expect("queue read").json().await.unwrap_or(Value::Null);
    all["items"].as_array().and_then(|v| v.first()).cloned().unwrap_or(Value::Null)
}

/// Waits for the background job to finish a row (status 2 or 3).
pub async fn settled(s: &TestServer, token: &str, id: &str) -> Value {
    for _ in 0..200 {
        let row = queue_row(s, token, id).await;
        if row["status"] == "2" || row["status"] == "3" {
            return row;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("queue row {id} never settled: {}", queue_row(s, token, id).await);
}

/// The server binary in its own process (for what only a process shows: a SIGKILL, a file
/// limit), over `data_dir`, on a free port.
pub struct ServerProcess {
    pub child: std::process::Child,
    pub base: String,
}

impl ServerProcess {
    /// Starts `mascate-server` with `args` (later flags win: `--port N` picks the port);
    /// `files` caps its open files (soft and hard).
    pub fn spawn(data_dir: &std::path::Path, args: &[&str], files: Option<u64>) -> ServerProcess {
        ServerProcess::spawn_with(data_dir, args, files, None)
    }

    /// As [`ServerProcess::spawn`], its log (stderr, `MASCATE_LOG=info`) written to `log`.
    pub fn spawn_logged(data_dir: &std::path::Path, args: &[&str], log: &std::path::Path) -> ServerProcess {
        ServerProcess::spawn_with(data_dir, args, None, Some(log))
    }

    fn spawn_with(
        data_dir: &std::path::Path,
        args: &[&str],
        files: Option<u64>,
        log: Option<&std::path::Path>,
    ) -> ServerProcess {
        use std::io::BufRead;
        use std::os::unix::process::CommandExt;
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_mascate-server"));
        cmd.args(["--port", "0", "--data-dir"])
            .arg(data_dir)
            .arg("--fixtures")
            .arg(fixtures_dir())
            .arg("--dist")
            .arg(data_dir.join("no-dist"))
            .args(args)
            .env("MASCATE_LOG", if log.is_some() { "info" } else { "warn" })
            .stdout(std::process::Stdio::piped())
            .stderr(match log {
                Some(path) => std::fs::File::create(path).expect("log file").into(),
                None => std::process::Stdio::null(),
            });
        if let Some(n) = files {
            // SAFETY: only setrlimit between fork and exec.
            unsafe {
                cmd.pre_exec(move || {
                    let lim = libc::rlimit { rlim_cur: n, rlim_max: n };
                    if libc::setrlimit(libc::RLIMIT_NOFILE, &lim) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                    Ok(())
                });
            }
        }
        let mut child = cmd.spawn().expect("server process");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = std::io::BufReader::new(stdout).lines();
        let base = loop {
            let line = lines.next().expect("the server printed its address").expect("stdout line");
            if let Some(url) = line.strip_prefix("Mascate is running at ") {
                break url.trim_end_matches('/').to_string();
            }
        };
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        ServerProcess { child, base }
    }

    /// SIGKILL, as a power cut would.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
