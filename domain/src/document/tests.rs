//! The draft's tests; `order()` also serves the tests of `validation`.

use super::*;

fn line(product: &str, qty: f64, list: f64, discount: f64) -> DraftItem {
    let mut i = DraftItem { product: product.into(), quantity: qty, list_price: list, ..Default::default() };
    i.set_discount(discount);
    i
}

pub(super) fn order() -> Draft {
    let mut d = Draft::new(DocumentKind::Order, "ext-1");
    d.customer_code = "000002".into();
    d.customer_store = "01".into();
    d.price_list = "001".into();
    d.payment_condition = "002".into();
    d.items = vec![line("P1", 3.0, 10.0, 0.0), line("P2", 2.0, 50.0, 10.0)];
    d
}

#[test]
fn totals_add_up() {
    let mut d = order();
    d.discount_pct = 5.0;
    d.freight = 12.5;
    d.insurance = 1.0;
    let t = d.totals();
    assert_eq!(t.gross, 130.0);
    assert_eq!(t.item_discounts, 10.0);
    assert_eq!(t.net, 120.0);
    assert_eq!(t.header_discount, 6.0);
    assert_eq!(t.charges, 13.5);
    assert_eq!(t.total, 127.5);
    d.items[1].removed = true;
    assert_eq!(d.totals().net, 30.0, "removed lines do not count");
}

#[test]
fn price_and_discount_follow_each_other() {
    let mut i = line("P", 1.0, 80.0, 0.0);
    i.set_unit_price(60.0);
    assert_eq!(i.discount_pct, 25.0);
    i.set_discount(12.5);
    assert_eq!(i.unit_price, 70.0);
    i.set_unit_price(90.0);
    assert_eq!(i.discount_pct, 0.0, "a price above the list is no discount");
}

#[test]
fn no_total_is_ever_negative() {
    let mut d = Draft::new(DocumentKind::Order, "x");
    d.freight = -5.0;
    d.insurance = f64::NAN;
    assert_eq!(d.totals().total, 0.0, "{:?}", d.totals());
    assert!(validate(&d, "2026-11-25").contains(&(Field::Freight, Problem::NotNegative)));
    let mut d = order();
    d.items[0].quantity = -3.0;
    d.items[1].unit_price = -1.0;
    d.discount_pct = 150.0;
    let t = d.totals();
    assert!([t.gross, t.net, t.header_discount, t.charges, t.total].iter().all(|v| *v >= 0.0), "{t:?}");
    assert_eq!(t.total, 0.0);
}

#[test]
fn states_in_words() {
    assert_eq!(QuotationState::of("B"), QuotationState::Converted);
}

#[test]
fn a_prospect_quotation_needs_no_customer() {
    let mut d = order();
    d.kind = DocumentKind::Quotation;
    d.customer_code.clear();
    d.prospect_code = "000004".into();
    d.prospect_store = "01".into();
    assert!(validate(&d, "2026-11-25").is_empty());
    assert_eq!(d.queue_body()["json"]["header"]["prospectid"], "000004");
}

#[test]
fn queue_body_uses_the_write_spellings() {
    let mut d = order();
    d.erp_number = "000123".into();
    d.items[0].item_id = "01".into();
    d.items.push(DraftItem { item_id: "03".into(), removed: true, ..Default::default() });
    let mut numbered = Draft::new(DocumentKind::Order, "e");
    numbered.add_item(DraftItem::default());
    numbered.add_item(DraftItem::default());
    assert_eq!(numbered.items.iter().map(|i| i.item_id.as_str()).collect::<Vec<_>>(), ["01", "02"]);
    d.items.push(DraftItem { removed: true, product: "never sent".into(), ..Default::default() });
    let b = d.queue_body();
    assert_eq!(b["id"], "ext-1");
    assert_eq!(b["source"], "MATA410");
    let h = &b["json"]["header"];
    assert_eq!((h["orderid"].as_str(), h["externalid"].as_str()), (Some("000123"), Some("ext-1")));
    assert_eq!(h["paymentconditionid"], "002");
    assert_eq!(h["customerid"], "000002");
    let items = b["json"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert!(items[0].get("discount").is_none(), "no discount sent when there is none");
    assert_eq!(items[1]["discount"], 10.0);
    assert_eq!(items[2], json!({"itemid": "03", "isDeleted": true}));
}
