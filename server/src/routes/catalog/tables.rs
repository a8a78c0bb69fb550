//! The catalog's tables: products, stock, price lists and their items, payment conditions
//! and carriers, their columns as the contract names them, and their sync sources.

use mascate_domain::contract::schema;

use crate::listing::{Entity, Kind};
use crate::sync::SyncSource;

use Kind::{Flag, Number, Text};

pub(super) const PRODUCT_COLUMNS: &[(&str, Kind)] = &[
    ("internalid", Text),
    ("branchid", Text),
    ("code", Text),
    ("description", Text),
    ("type", Text),
    ("price", Number),
    ("active", Text),
    ("status", Text),
    ("standardwarehouse", Text),
    ("measureunit", Text),
    ("productimage", Text),
    ("productgroup", Text),
    ("groupdescription", Text),
    ("outflowtype", Text),
    ("ipi", Number),
    ("icmsst", Text),
    ("deleted", Flag),
];

/// `FILTER=pricetable eq '001'` keeps the products of that price list (§6.2).
pub(super) const PRICETABLE_SQL: &str =
    "code IN (SELECT product FROM price_list_items WHERE deleted = 0 AND pricelist = ?)";

pub static PRODUCT: Entity = Entity {
    table: "products_view",
    columns: PRODUCT_COLUMNS,
    fixed: &["internalid"],
    default_order: "code",
    virtuals: &[("pricetable", PRICETABLE_SQL)],
};

pub static PRODUCT_SYNC: SyncSource = SyncSource {
    entity: &PRODUCT,
    selection: Some((schema::PRODUCTS, "code")),
    seller_scope: None,
    diff_live_only: false,
};

pub static PRODUCT_BALANCE: Entity = Entity {
    table: "product_balance_view",
    columns: &[
        ("internalid", Text),
        ("branchid", Text),
        ("code", Text),
        ("description", Text),
        ("warehouse", Text),
        ("warehousedescription", Text),
        ("availablequantity", Number),
        ("orderquantity", Number),
        ("allocatedquantity", Number),
        ("expectedinflow", Number),
        ("deleted", Flag),
    ],
    fixed: &["internalid", "warehouse"],
    default_order: "code, warehouse",
    virtuals: &[],
};

pub static PRODUCT_BALANCE_SYNC: SyncSource =
    SyncSource { entity: &PRODUCT_BALANCE, selection: None, seller_scope: None, diff_live_only: false };

pub static PRICE_LIST: Entity = Entity {
    table: "price_lists",
    columns: &[
        ("internalid", Text),
        ("branchid", Text),
        ("code", Text),
        ("description", Text),
        ("status", Text),
        ("inicialdate", Text),
        ("finaldate", Text),
        ("paymentcondition", Text),
        ("inicialtime", Text),
        ("finaltime", Text),
        ("timetype", Text),
        ("deleted", Flag),
    ],
    fixed: &["internalid"],
    default_order: "code",
    virtuals: &[],
};

pub static PRICE_LIST_SYNC: SyncSource =
    SyncSource { entity: &PRICE_LIST, selection: None, seller_scope: None, diff_live_only: false };

pub static PRICE_LIST_ITEM: Entity = Entity {
    table: "price_list_items_view",
    columns: &[
        ("internalid", Text),
        ("headerid", Text),
        ("branchid", Text),
        ("pricelist", Text),
        ("item", Text),
        ("product", Text),
        ("baseprice", Number),
        ("salesprice", Number),
        ("validity", Text),
        ("productgroup", Text),
        ("discountvalue", Number),
        ("state", Text),
        ("deleted", Flag),
    ],
    fixed: &["internalid"],
    default_order: "pricelist, item",
    virtuals: &[],
};

/// Price-list items follow today's *products* selection (§6.4).
pub static PRICE_LIST_ITEM_SYNC: SyncSource = SyncSource {
    entity: &PRICE_LIST_ITEM,
    selection: Some((schema::PRODUCTS, "product")),
    seller_scope: None,
    diff_live_only: false,
};

pub static PAYMENT_CONDITION: Entity = Entity {
    table: "payment_conditions",
    columns: &[
        ("internalid", Text),
        ("branchid", Text),
        ("paymentcode", Text),
        ("paymentdescription", Text),
        ("condition", Text),
        ("status", Text),
        ("deleted", Flag),
    ],
    fixed: &["internalid"],
    default_order: "paymentcode",
    virtuals: &[],
};

pub static PAYMENT_CONDITION_SYNC: SyncSource =
    SyncSource { entity: &PAYMENT_CONDITION, selection: None, seller_scope: None, diff_live_only: false };

pub static CARRIER: Entity = Entity {
    table: "carriers",
    columns: &[
        ("internalid", Text),
        ("branchid", Text),
        ("code", Text),
        ("name", Text),
        ("status", Text),
        ("deleted", Flag),
    ],
    fixed: &["internalid"],
    default_order: "code",
    virtuals: &[],
};

pub static CARRIER_SYNC: SyncSource =
    SyncSource { entity: &CARRIER, selection: None, seller_scope: None, diff_live_only: false };
