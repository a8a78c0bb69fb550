//! Slow request bodies (issue 27): a body that trickles in is cut once its time is up and
//! counted, whatever the route, and a crowd of slow bodies — from one address or sharing
//! out the slots — never keeps a normal request out.

mod support;

use std::net::SocketAddr;
use std::time::Duration;

use support::{ServerProcess, TestServer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

/// Opens a connection from `from` (a loopback address) and sends complete headers of a POST
/// announcing a 100,000-byte body, then one byte of it; `None` when the server does not take
/// the connection within half a second.
async fn slow_body(from: &str, server: &str, path: &str) -> Option<TcpStream> {
    let socket = TcpSocket::new_v4().ok()?;
    socket.bind(format!("{from}:0").parse::<SocketAddr>().ok()?).ok()?;
    let connect = socket.connect(server.parse().ok()?);
    let mut stream = tokio::time::timeout(Duration::from_millis(500), connect).await.ok()?.ok()?;
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Content-Length: 100000\r\n\r\na"
    );
    stream.write_all(head.as_bytes()).await.ok()?;
    Some(stream)
}

fn addr(base: &str) -> String {
    base.trim_start_matches("http://").to_string()
}

/// Whether the server has closed `stream` (read gives 0 or an error) within `wait`.
async fn closed(stream: &mut TcpStream, wait: Duration) -> bool {
    let mut buf = [0u8; 1024];
    tokio::time::timeout(wait, async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => continue,
            }
        }
    })
    .await
    .is_ok()
}

/// Keeps sending a byte every 300 ms until the server answers and closes; what it answered.
async fn trickle(stream: &mut TcpStream) -> Vec<u8> {
    let (mut answer, mut buf) = (Vec::new(), [0u8; 1024]);
    loop {
        tokio::select! {
            read = stream.read(&mut buf) => match read {
                Ok(0) | Err(_) => return answer,
                Ok(n) => answer.extend_from_slice(&buf[..n]),
            },
            _ = tokio::time::sleep(Duration::from_millis(300)) => {
                if stream.write_all(b"a").await.is_err() {
                    return answer;
                }
            }
        }
    }
}

#[tokio::test]
async fn a_slow_body_is_cut_once_its_time_is_up_and_counted() {
    let s = TestServer::start_with(|c| c.body_timeout_secs = 1).await;
    let paths = ["/api/mascate/v1/csp-report", "/api/oauth2/v1/token?grant_type=password&username=ana&password=x"];
    for path in paths {
        let mut stream = slow_body("127.0.0.1", &addr(&s.base), path).await.expect("connected");
        // Generous: the cut comes after about a second; a server that never cuts fails here.
        let answer = tokio::time::timeout(Duration::from_secs(20), trickle(&mut stream)).await;
        let answer = answer.unwrap_or_else(|_| panic!("{path}: the slow body was never cut"));
        let text = String::from_utf8_lossy(&answer);
        assert!(text.is_empty() || text.starts_with("HTTP/1.1 408"), "{path}: {text}");
    }
    assert_eq!(s.state.connections.slow_bodies_cut(), 2, "each cut is counted");
}

#[tokio::test]
async fn slow_bodies_from_one_address_do_not_shut_out_a_normal_request() {
    mascate_server::serve::raise_file_limit(); // this test's own side holds hundreds of sockets
    let dir = tempfile::tempdir().unwrap();
    // 256 files (192 connections) and a body timeout that does not come to the rescue.
    let server = ServerProcess::spawn(dir.path(), &["--body-timeout", "120"], Some(256));
    let (mut held, mut refused) = (Vec::new(), 0);
    while held.len() < 300 && refused < 5 {
        match slow_body("127.0.0.1", &addr(&server.base), "/api/oauth2/v1/token?grant_type=password").await {
            Some(c) => held.push(c),
            None => refused += 1,
        }
    }
    let client = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap();
    for attempt in 0..3 {
        let res = client.get(format!("{}/api/mascate/v1/about", server.base)).send().await;
        let status = res.map(|r| r.status().as_u16());
        assert_eq!(status.ok(), Some(200), "attempt {attempt}: answered while {} slow bodies hang", held.len());
    }
}

#[tokio::test]
async fn one_address_holds_no_more_than_its_share() {
    mascate_server::serve::raise_file_limit();
    let dir = tempfile::tempdir().unwrap();
    let args = ["--body-timeout", "120", "--connections-per-address", "20"];
    let server = ServerProcess::spawn(dir.path(), &args, None);
    let mut held = Vec::new();
    for _ in 0..50 {
        held.push(slow_body("127.0.0.2", &addr(&server.base), "/api/mascate/v1/csp-report").await.expect("taken"));
    }
    let mut open = 0;
    for stream in &mut held {
        if !closed(stream, Duration::from_millis(100)).await {
            open += 1;
        }
    }
    assert!(open <= 20, "{open} of 50 slow bodies from one address still held");
    let client = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap();
    let res = client.get(format!("{}/api/mascate/v1/about", server.base)).send().await;
    assert_eq!(res.map(|r| r.status().as_u16()).ok(), Some(200));
}
