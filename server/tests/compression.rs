//! Compression over real HTTP: the app's files go out precompressed by `Accept-Encoding`,
//! API JSON is compressed on the fly, and every such answer carries `Vary: Accept-Encoding`.

mod support;

use std::io::Read;

use support::TestServer;

/// Writes a small built app into the server's dist/: each file with its `.br` and `.gz`.
fn write_dist(s: &TestServer) {
    let dist = &s.state.config.dist_dir;
    std::fs::create_dir_all(dist).unwrap();
    for name in ["index.html", "mascate-0123abcd.js"] {
        std::fs::write(dist.join(name), format!("{name}: plain text, long enough to be worth compressing")).unwrap();
        // Stand-in encodings: the server must send these bytes as they are.
        std::fs::write(dist.join(format!("{name}.br")), format!("BR:{name}")).unwrap();
        std::fs::write(dist.join(format!("{name}.gz")), format!("GZ:{name}")).unwrap();
    }
}

async fn fetch(s: &TestServer, path: &str, accept: Option<&str>) -> reqwest::Response {
    let mut req = s.http.get(s.url(path));
    if let Some(a) = accept {
        req = req.header("accept-encoding", a);
    }
    req.send().await.unwrap()
}

fn header(res: &reqwest::Response, name: &str) -> String {
    res.headers().get_all(name).iter().map(|v| v.to_str().unwrap().to_ascii_lowercase()).collect::<Vec<_>>().join(",")
}

#[tokio::test]
async fn app_files_go_out_precompressed_by_accept_encoding_with_vary() {
    let s = TestServer::start().await;
    write_dist(&s);
    for path in ["/mascate-0123abcd.js", "/", "/customers"] {
        let name = if path.ends_with(".js") { "mascate-0123abcd.js" } else { "index.html" };
        let res = fetch(&s, path, Some("gzip, deflate, br")).await;
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(header(&res, "content-encoding"), "br", "{path}");
        assert!(header(&res, "vary").contains("accept-encoding"), "{path}");
        assert_eq!(res.text().await.unwrap(), format!("BR:{name}"), "{path}: the .br file as it is");

        let res = fetch(&s, path, Some("gzip")).await;
        assert_eq!(header(&res, "content-encoding"), "gzip", "{path}");
        assert!(header(&res, "vary").contains("accept-encoding"), "{path}");
        assert_eq!(res.text().await.unwrap(), format!("GZ:{name}"), "{path}");

        let res = fetch(&s, path, None).await;
        assert_eq!(header(&res, "content-encoding"), "", "{path}: plain for a client that asks nothing");
        assert!(header(&res, "vary").contains("accept-encoding"), "{path}");
        assert!(!res.text().await.unwrap().starts_with("BR:"), "{path}");
    }
    // The hashed asset keeps its long cache; the shell keeps revalidating.
    let res = fetch(&s, "/mascate-0123abcd.js", Some("br")).await;
    assert!(header(&res, "cache-control").contains("immutable"));
    let res = fetch(&s, "/", Some("br")).await;
    assert_eq!(header(&res, "cache-control"), "no-cache");
}

#[tokio::test]
async fn api_json_is_compressed_on_the_fly_and_reads_back_the_same() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let path = "/api/tgv/customers?pageSize=200";
    let plain = s.http.get(s.url(path)).bearer_auth(&t).send().await.unwrap();
    assert_eq!(header(&plain, "content-encoding"), "");
    let plain: serde_json::Value = plain.json().await.unwrap();
    assert!(plain["items"].as_array().is_some_and(|i| i.len() > 50), "{plain}");

    let res = s.http.get(s.url(path)).bearer_auth(&t).header("accept-encoding", "gzip").send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(header(&res, "content-encoding"), "gzip");
    assert!(header(&res, "vary").contains("accept-encoding"));
    let bytes = res.bytes().await.unwrap();
    let mut text = String::new();
    flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut text).unwrap();
    let unpacked: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(unpacked["items"], plain["items"]);
    assert!(bytes.len() * 3 < text.len(), "compressed {} of {} bytes", bytes.len(), text.len());

    let res =
        s.http.get(s.url(path)).bearer_auth(&t).header("accept-encoding", "br;q=1, gzip;q=0.5").send().await.unwrap();
    assert_eq!(header(&res, "content-encoding"), "br");
}
