//! The tables behind orders and quotations: their columns as the contract names them, and
//! the sync pairs that follow today's filter.

use mascate_domain::contract::schema;

use crate::listing::{Entity, Kind};
use crate::sync::SyncSource;

use Kind::{Flag, Number, Stamp, Text};

pub static ORDER: Entity = Entity {
    table: "orders_view",
    columns: &[
        ("internalid", Text),
        ("externalid", Text),
        ("branchid", Text),
        ("orderid", Text),
        ("ordertype", Text),
        ("pricelistid", Text),
        ("paymentConditionid", Text),
        ("paymentinternalid", Text),
        ("issuedate", Text),
        ("customerinternalid", Text),
        ("customerid", Text),
        ("customername", Text),
        ("clientid", Text),
        ("storeid", Text),
        ("sellerid", Text),
        ("freighttype", Text),
        ("freight", Number),
        ("insurance", Number),
        ("expenses", Number),
        ("discount", Number),
        ("currencyid", Number),
        ("amount", Number),
        ("typeofoperation", Text),
        ("status", Text),
        ("blockreason", Text),
        ("carriercode", Text),
        ("releasetype", Text),
        ("carriername", Text),
        ("sellername", Text),
        ("selleremail", Text),
        ("amounttaxes", Number),
        ("notemessage", Text),
        ("ordercomment", Text),
        ("intermediaryid", Text),
        ("purchaserpresence", Text),
        ("STAMP", Stamp),
        ("deleted", Flag),
    ],
    fixed: &["internalid", "orderid"],
    default_order: "orderid",
    virtuals: &[],
};

pub static ORDER_ITEM: Entity = Entity {
    table: "order_items_view",
    columns: &[
        ("internalid", Text),
        ("orderinternalid", Text),
        ("externalitemid", Text),
        ("externalid", Text),
        ("branchid", Text),
        ("orderid", Text),
        ("itemid", Text),
        ("productid", Text),
        ("description", Text),
        ("quantity", Number),
        ("pricelist", Number),
        ("unitprice", Number),
        ("amount", Number),
        ("discount", Number),
        ("discountamount", Number),
        ("quantitydelivered", Number),
        ("blockstatus", Text),
        ("outflowtype", Text),
        ("fiscalcode", Text),
        ("customerorder", Text),
        ("deliverydate", Text),
        ("productimage", Text),
        ("deleted", Flag),
    ],
    fixed: &["internalid", "orderid"],
    default_order: "orderid, itemid",
    virtuals: &[],
};

pub static ORDER_SYNC: SyncSource = SyncSource {
    entity: &ORDER,
    selection: Some((schema::ORDERS, "orderid")),
    seller_scope: Some("sellerid = ?"),
    diff_live_only: false,
};

pub static ORDER_ITEM_SYNC: SyncSource = SyncSource {
    entity: &ORDER_ITEM,
    selection: Some((schema::ORDER_ITEMS, "orderid || itemid || productid")),
    seller_scope: Some("sellerid = ?"),
    diff_live_only: false,
};

pub static QUOTATION: Entity = Entity {
    table: "quotations_view",
    columns: &[
        ("internalid", Text),
        ("paymentinternalid", Text),
        ("branchid", Text),
        ("budgetid", Text),
        ("externalid", Text),
        ("pricelistid", Text),
        ("paymentconditionid", Text),
        ("customerid", Text),
        ("customerstore", Text),
        ("customername", Text),
        ("prospectid", Text),
        ("prospectstore", Text),
        ("issuedate", Text),
        ("freighttype", Text),
        ("freight", Number),
        ("insurance", Number),
        ("expenses", Number),
        ("discount", Number),
        ("currencyid", Number),
        ("amount", Number),
        ("releasetype", Text),
        ("customertype", Text),
        ("status", Text),
        ("businessproposal", Text),
        ("typeofoperation", Text),
        ("orderid", Text),
        ("STAMP", Stamp),
        ("deleted", Flag),
    ],
    fixed: &["internalid", "budgetid"],
    default_order: "budgetid",
    virtuals: &[],
};

pub static QUOTATION_ITEM: Entity = Entity {
    table: "quotation_items_view",
    columns: &[
        ("internalid", Text),
        ("budgetinternalid", Text),
        ("externalitemid", Text),
        ("externalid", Text),
        ("branchid", Text),
        ("branchheaderid", Text),
        ("budgetid", Text),
        ("budgetheaderid", Text),
        ("itemid", Text),
        ("productid", Text),
        ("description", Text),
        ("quantity", Number),
        ("pricelist", Number),
        ("unitprice", Number),
        ("amount", Number),
        ("discount", Number),
        ("discountamount", Number),
        ("outflowtype", Text),
        ("productimage", Text),
        ("deleted", Flag),
    ],
    fixed: &["internalid", "budgetid"],
    default_order: "budgetid, itemid",
    virtuals: &[],
};

/// A quotation belongs to the seller of its customer, or, for the default quotation
/// customer, to the seller of its prospect (§10.1). One `?`: the seller.
pub(super) const QUOTATION_SCOPE: &str =
    "? IN (customervendor, CASE WHEN customerid || customerstore = default_quotation_customer() THEN prospectvendor END)";

pub static QUOTATION_SYNC: SyncSource = SyncSource {
    entity: &QUOTATION,
    selection: Some((schema::QUOTATIONS, "budgetid")),
    seller_scope: Some(QUOTATION_SCOPE),
    diff_live_only: true,
};

pub static QUOTATION_ITEM_SYNC: SyncSource = SyncSource {
    entity: &QUOTATION_ITEM,
    selection: Some((schema::QUOTATION_ITEMS, "budgetid || itemid || productid")),
    seller_scope: Some(
        "budgetid IN (SELECT budgetid FROM quotations_view
          WHERE ? IN (customervendor, CASE WHEN customerid || customerstore = default_quotation_customer() THEN prospectvendor END))",
    ),
    diff_live_only: true,
};
