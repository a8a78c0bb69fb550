//! The product groups reference list (beyond the contract): what the products page's group
//! filter offers, without downloading products.

mod support;

use support::{items, TestServer};

#[tokio::test]
async fn product_groups_are_a_reference_list_of_every_group_products_use() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let (status, body) = s.get(&t, "/api/tgv/productgroups").await;
    assert_eq!(status, 200, "{body}");
    let groups: Vec<(String, String)> = items(&body)
        .iter()
        .map(|g| (g["code"].as_str().unwrap().to_string(), g["description"].as_str().unwrap().to_string()))
        .collect();
    assert!(groups.len() >= 5, "{body}");
    assert!(groups.windows(2).all(|w| w[0].0 < w[1].0), "sorted by code, no repeats: {groups:?}");
    assert!(groups.iter().all(|(code, name)| !code.is_empty() && !name.is_empty()), "{groups:?}");
    // Every group a product carries is in the list, with the same name.
    let (_, products) = s.get(&t, "/api/tgv/products?pageSize=1000&FIELDS=productgroup,groupdescription").await;
    for p in items(&products) {
        let code = p["productgroup"].as_str().unwrap();
        let name = p["groupdescription"].as_str().unwrap();
        assert!(groups.iter().any(|(c, n)| c == code && n == name), "{code} {name} missing from {groups:?}");
    }
    assert!(body.get("hasNext").is_none(), "{body}");
    // Behind the bearer check like every catalogue read.
    let res = s.http.get(s.url("/api/tgv/productgroups")).send().await.unwrap();
    assert_eq!(res.status(), 401);
}
