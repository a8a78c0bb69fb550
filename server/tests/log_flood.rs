//! The anonymous CSP report endpoint under a flood (issue 27): one address gets a small
//! budget and then 429s, and the server's log (the process's stderr, as an operator reads
//! it) grows little and never carries a raw control character from a client.

mod support;

use std::collections::HashMap;

use support::ServerProcess;

/// A 16 KB report that tries to clear the operator's terminal and fake a red line.
fn report(n: usize) -> String {
    let padding = "x".repeat(16 * 1024 - 200);
    format!("{{\"csp-report\":{{\"blocked-uri\":\"\u{1b}[2J\u{1b}[31mFAKE {n}\",\"original-policy\":\"{padding}\"}}}}")
}

fn size(path: &std::path::Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

#[tokio::test]
async fn a_flood_of_csp_reports_is_refused_and_the_log_stays_small_and_clean() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("server.log");
    let server = ServerProcess::spawn_logged(&dir.path().join("data"), &[], &log);
    let before = size(&log);
    let url = format!("{}/api/mascate/v1/csp-report", server.base);
    let mut workers = tokio::task::JoinSet::new();
    for w in 0..8 {
        let (http, url) = (reqwest::Client::new(), url.clone());
        workers.spawn(async move {
            let mut statuses = Vec::new();
            for n in (w..2000).step_by(8) {
                let res = http.post(&url).header("content-type", "application/csp-report").body(report(n)).send();
                statuses.push(res.await.map(|r| r.status().as_u16()).unwrap_or(0));
            }
            statuses
        });
    }
    let mut count: HashMap<u16, usize> = HashMap::new();
    while let Some(statuses) = workers.join_next().await {
        for s in statuses.unwrap() {
            *count.entry(s).or_default() += 1;
        }
    }
    let grown = size(&log) - before;
    let text = std::fs::read(&log).unwrap();
    let raw = text.iter().filter(|b| (**b < 0x20 && **b != b'\n') || **b == 0x7f).count();
    let refused = count.get(&429).copied().unwrap_or(0);
    assert!(
        refused >= 1900 && grown < 100_000 && raw == 0,
        "answers {count:?}; the log grew {grown} bytes with {raw} raw control characters"
    );
    let text = String::from_utf8_lossy(&text);
    assert!(text.contains("FAKE 0") || text.contains("FAKE "), "the first reports are logged, escaped");
    assert!(
        std::fs::read_to_string(dir.path().join("data/csp-reports.jsonl")).unwrap_or_default().contains("FAKE"),
        "the first reports are kept"
    );
}
