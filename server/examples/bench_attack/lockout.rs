//! A distributed wrong-password storm against one name (a new source address every 40
//! tries, 8 attackers at once) while its owner signs in from her known device, and from a
//! new one: each sign-in's success rate and latency.

use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::server::start;

const TOKEN: &str = "/api/oauth2/v1/token?grant_type=password&username=ana";

/// (successes, latencies) of `n` sign-ins of ana, with `device` as her cookie or none.
async fn sign_ins(base: &str, device: Option<&str>, n: usize) -> (usize, Vec<Duration>) {
    let http = reqwest::Client::new();
    let (mut ok, mut latencies) = (0, Vec::new());
    for _ in 0..n {
        let mut req = http.post(format!("{base}{TOKEN}&password=mascate1"));
        if let Some(d) = device {
            req = req.header("cookie", format!("mascate_device={d}"));
        }
        let t = Instant::now();
        let res = req.send().await.unwrap();
        latencies.push(t.elapsed());
        ok += (res.status() == 201) as usize;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    (ok, latencies)
}

/// Prints the figures.
pub async fn distributed_storm() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path(), &[]);
    let res = reqwest::Client::new().post(format!("{}{TOKEN}&password=mascate1", server.base)).send().await.unwrap();
    let cookie = res.headers().get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default();
    let device = cookie.split(';').next().and_then(|c| c.strip_prefix("mascate_device=")).unwrap_or_default();
    let device = device.to_string();
    let stop = Arc::new(AtomicBool::new(false));
    let attackers: Vec<_> = (0..8u8)
        .map(|a| {
            let (base, stop) = (server.base.clone(), stop.clone());
            tokio::spawn(async move {
                let (mut sent, mut refused) = (0usize, 0usize);
                while !stop.load(Ordering::Relaxed) {
                    let address = IpAddr::from([127, 1 + a, (sent / 40 / 250) as u8, (sent / 40 % 250) as u8 + 1]);
                    let http = reqwest::Client::builder().local_address(address).build().unwrap();
                    for _ in 0..40 {
                        let url = format!("{base}{TOKEN}&password=guess{sent}");
                        if let Ok(res) = http.post(url).send().await {
                            refused += (res.status() == 429) as usize;
                        }
                        sent += 1;
                    }
                }
                (sent, refused)
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (known_ok, known) = sign_ins(&server.base, Some(&device), 40).await;
    let (new_ok, new) = sign_ins(&server.base, None, 10).await;
    stop.store(true, Ordering::Relaxed);
    let (mut sent, mut refused) = (0, 0);
    for a in attackers {
        let (s, r) = a.await.unwrap();
        (sent, refused) = (sent + s, refused + r);
    }
    println!("\ndistributed wrong-password storm against ana (8 attackers, a new address every 40 tries)");
    println!("  storm: {sent} attempts, {refused} answered 429 before any password check");
    let line = |name: &str, ok: usize, l: &[Duration]| {
        let pct = 100.0 * ok as f64 / l.len() as f64;
        println!("  {name:<34} {ok}/{} signed in ({pct:.0} %)   {}", l.len(), crate::percentiles(l));
    };
    line("ana from her known device", known_ok, &known);
    line("ana from a new device", new_ok, &new);
}
