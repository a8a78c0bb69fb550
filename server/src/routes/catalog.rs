//! The catalogue and reference tables (§5–7): products (online, per price list, sync),
//! stock per warehouse, price lists and their items, payment conditions, carriers,
//! operation types and prospects.
//!
//! Beyond the contract, products also carry `productgroup`, `groupdescription`,
//! `outflowtype` (the TES), `ipi` and `icmsst`, and payment conditions carry `condition`
//! (the instalment days); clients ignore properties they do not know.

use axum::extract::{Path, Query, State};
use axum::{Extension, Json};
use mascate_domain::contract::schema;
use rusqlite::types::Value as SqlValue;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::auth::Caller;
use crate::db::Tx;
use crate::error::{ApiError, ApiResult};
use crate::listing::{self, Entity, Kind, ListParams, Where};
use crate::sync::SyncSource;
use crate::AppState;

use Kind::{Flag, Number, Text};

const PRODUCT_COLUMNS: &[(&str, Kind)] = &[
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
const PRICETABLE_SQL: &str = "code IN (SELECT product FROM price_list_items WHERE deleted = 0 AND pricelist = ?)";

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

pub static PROSPECT: Entity = Entity {
    table: "prospects",
    columns: &[
        ("internalid", Text),
        ("branch", Text),
        ("code", Text),
        ("store", Text),
        ("name", Text),
        ("fantasy", Text),
        ("prospecttype", Text),
        ("cgc", Text),
        ("cnae", Text),
        ("vendor", Text),
        ("citycode", Text),
        ("persontype", Text),
        ("estadualregistration", Text),
        ("city", Text),
        ("neighborhood", Text),
        ("address", Text),
        ("zipcode", Text),
        ("uf", Text),
        ("ddi", Text),
        ("ddd", Text),
        ("phone", Text),
        ("email", Text),
        ("country", Text),
        ("creditlimit", Number),
        ("inclusiondate", Text),
        ("status", Text),
        ("currentstatus", Text),
        ("customercode", Text),
        ("customerstore", Text),
        ("deleted", Flag),
    ],
    fixed: &["internalid"],
    default_order: "code, store",
    virtuals: &[],
};

pub static PROSPECT_SYNC: SyncSource = SyncSource {
    entity: &PROSPECT,
    selection: Some((schema::PROSPECTS, "code || store")),
    seller_scope: Some("vendor = ?"),
    diff_live_only: false,
};

/// The list parameters plus the catalogue's quick filters.
#[derive(Debug, Default, Deserialize)]
pub struct CatalogParams {
    #[serde(flatten)]
    pub list: ListParams,
    #[serde(rename = "QUICKFILTER")]
    pub quick_filter: Option<String>,
    #[serde(rename = "FILTERPRICELIST")]
    pub filter_price_list: Option<String>,
}

/// Available in the product's standard warehouse (§6.2 `HASSTOCK`).
const HAS_STOCK_SQL: &str = "code IN (SELECT s.code FROM stock s JOIN products p2 ON p2.code = s.code
    WHERE s.warehouse = p2.standardwarehouse AND s.onhand - s.reserved - s.allocatedquantity > 0)";

fn quick_filter(base: Where, quick: Option<&str>, caller: &Caller, today: &str) -> ApiResult<Where> {
    match quick.map(|q| q.trim().to_ascii_uppercase()).as_deref() {
        None | Some("") => Ok(base),
        Some("HASSTOCK") => Ok(base.and(HAS_STOCK_SQL, [])),
        Some("SALESONLASTTHREEMONTHS") => {
            let since = mascate_domain::timestamp::add_days(today, -90).unwrap_or_default();
            let mut sql = String::from(
                "code IN (SELECT i.productid FROM order_items i JOIN orders o ON o.orderid = i.orderid
                 WHERE o.deleted = 0 AND i.deleted = 0 AND o.issuedate >= ?",
            );
            let mut values = vec![SqlValue::Text(since)];
            if !caller.is_admin {
                sql.push_str(" AND o.sellerid = ?");
                values.push(SqlValue::Text(caller.seller()?.to_string()));
            }
            sql.push(')');
            Ok(base.and(&sql, values))
        }
        Some(other) => Err(ApiError::bad_request(format!("QUICKFILTER desconhecido: {other}"))),
    }
}

/// Items of a product list, with the blank `pricetable` property when the FILTER named it.
fn product_envelope(page: listing::Page, params: &ListParams, sync_date: String) -> ApiResult<Json<Value>> {
    let mentions_pricetable =
        params.filter_expr()?.is_some_and(|e| e.fields().iter().any(|f| f.eq_ignore_ascii_case("pricetable")));
    let mut page = page;
    if mentions_pricetable {
        for item in &mut page.items {
            item.insert("pricetable".into(), Value::String(String::new()));
        }
    }
    Ok(Json(listing::envelope(page, Some(sync_date))))
}

fn no_product_found(page: &listing::Page, params: &ListParams) -> ApiResult<()> {
    // The ERP answers 404 when a FILTER matched nothing (§6.2, §14).
    if page.items.is_empty() && params.filter_expr()?.is_some() {
        return Err(ApiError::not_found("Produto nao localizado"));
    }
    Ok(())
}

/// `GET /api/tgv/products/`
pub async fn products(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<CatalogParams>,
) -> ApiResult<Json<Value>> {
    state
        .db
        .read(move |tx| {
            let base = quick_filter(
                Where::new().and("deleted = 0", []),
                params.quick_filter.as_deref(),
                &caller,
                &tx.today(),
            )?;
            let columns = listing::online_columns(&PRODUCT, params.list.fields.as_deref());
            let page = listing::page(tx, &PRODUCT, base, &params.list, &columns)?;
            no_product_found(&page, &params.list)?;
            product_envelope(page, &params.list, tx.sync_date())
        })
        .await
}

/// `GET /api/tgv/products/:priceListId/:customerId/:storeId`: `price` is the list's price
/// (0 when the product is not in it); `FILTERPRICELIST=true` keeps only the list's products.
pub async fn products_for_price_list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((price_list, customer, store)): Path<(String, String, String)>,
    Query(params): Query<CatalogParams>,
) -> ApiResult<Json<Value>> {
    let only_listed = params.filter_price_list.as_deref().is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
    state
        .db
        .read(move |tx| {
            // The customer must be one the caller may sell to.
            let visible: bool = tx.conn.query_row(
                "SELECT count(*) > 0 FROM customers WHERE code = ?1 AND store = ?2 AND deleted = 0
                   AND (?3 OR vendor = ?4 OR code || store = ?5)",
                rusqlite::params![
                    customer,
                    store,
                    caller.is_admin,
                    caller.seller.clone().unwrap_or_default(),
                    crate::erp::DEFAULT_QUOTATION_CUSTOMER
                ],
                |r| r.get(0),
            )?;
            if !visible {
                return Err(ApiError::not_found("Cliente nao encontrado"));
            }
            let columns: Vec<String> = PRODUCT_COLUMNS
                .iter()
                .map(|(c, _)| match *c {
                    "price" => "coalesce(i.salesprice, 0) AS price".to_string(),
                    other => format!("p.{other} AS {other}"),
                })
                .collect();
            let join = if only_listed { "JOIN" } else { "LEFT JOIN" };
            let source = format!(
                "(SELECT {} FROM products_view p {join} price_list_items i
                   ON i.product = p.code AND i.pricelist = ? AND i.deleted = 0)",
                columns.join(", ")
            );
            let base = Where::new().and("deleted = 0", []).from_source(source, vec![SqlValue::Text(price_list)]);
            let columns = listing::online_columns(&PRODUCT, params.list.fields.as_deref());
            let page = listing::page(tx, &PRODUCT, base, &params.list, &columns)?;
            no_product_found(&page, &params.list)?;
            product_envelope(page, &params.list, tx.sync_date())
        })
        .await
}

/// `GET /api/tgv/productBalance/:product`: that product's warehouses, as a list.
pub async fn product_balance(
    State(state): State<AppState>,
    Path(product): Path<String>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    state
        .db
        .read(move |tx| {
            let base = Where::new().and("deleted = 0 AND code = ?", [SqlValue::Text(product)]);
            let columns = listing::online_columns(&PRODUCT_BALANCE, params.fields.as_deref());
            let page = listing::page(tx, &PRODUCT_BALANCE, base, &params, &columns)?;
            Ok(Json(listing::envelope(page, Some(tx.sync_date()))))
        })
        .await
}

/// `GET /api/tgv/typesofoperation/`: `{items}` only, no paging (§7).
pub async fn types_of_operation(State(state): State<AppState>) -> ApiResult<Json<Value>> {
    let items = state.db.read(|tx| Ok(operation_types(tx)?)).await?;
    Ok(Json(json!({ "items": items })))
}

/// The operation types (SX5 table DJ), as `GET /api/tgv/typesofoperation` lists them.
pub fn operation_types(tx: &Tx) -> rusqlite::Result<Vec<Value>> {
    let mut stmt = tx.conn.prepare_cached("SELECT operationtypeid, description FROM operation_types ORDER BY 1")?;
    let rows = stmt.query_map([], |r| {
        Ok(json!({"operationtypeid": r.get::<_, String>(0)?, "description": r.get::<_, String>(1)?}))
    })?;
    rows.collect()
}

/// `GET /api/tgv/prospects/`, with the quick filters on recent quotations (§1.2).
pub async fn prospects(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<CatalogParams>,
) -> ApiResult<Json<Value>> {
    let mut base = listing::live_rows_of(&caller, "vendor")?;
    let today = state.clock.today();
    let quoted_since = |days: i64| {
        let since = mascate_domain::timestamp::add_days(&today, -days).unwrap_or_default();
        (
            "code || store IN (SELECT prospectid || prospectstore FROM quotations WHERE deleted = 0 AND issuedate >= ?)",
            [SqlValue::Text(since)],
        )
    };
    match params.quick_filter.as_deref().map(|q| q.trim().to_ascii_uppercase()).as_deref() {
        None | Some("") => {}
        Some("BUDGETONLASTMONTH") => {
            let (sql, v) = quoted_since(30);
            base = base.and(sql, v);
        }
        Some("BUDGETONLASTTHREEMONTH") => {
            let (sql, v) = quoted_since(90);
            base = base.and(sql, v);
        }
        Some("WITHOUTBUDGETONLASTTHREEMONTH") => {
            let (sql, v) = quoted_since(90);
            base = base.and(&format!("NOT ({sql})"), v);
        }
        Some(other) => return Err(ApiError::bad_request(format!("QUICKFILTER desconhecido: {other}"))),
    }
    listing::online_page(state, &PROSPECT, base, params.list, None, true).await
}

/// `GET /api/tgv/prospects/:code/:store`
pub async fn prospect(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((code, store)): Path<(String, String)>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    let base = listing::live_rows_of(&caller, "vendor")?
        .and("code = ? AND store = ?", [SqlValue::Text(code), SqlValue::Text(store)]);
    state
        .db
        .read(move |tx| {
            let columns = listing::online_columns(&PROSPECT, params.fields.as_deref());
            listing::one(tx, &PROSPECT, base, &columns)?
                .map(|m| Json(Value::Object(m)))
                .ok_or_else(|| ApiError::not_found("Prospect nao encontrado"))
        })
        .await
}

/// `POST /api/tgv/prospects/`: registers a prospect for the caller (a Mascate extension:
/// the contract only reads prospects). The same checks as the app, run again here.
pub async fn create_prospect(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    body: axum::body::Bytes,
) -> ApiResult<(axum::http::StatusCode, Json<Value>)> {
    use mascate_domain::prospect::{NewProspect, ProspectField};
    let p: NewProspect = serde_json::from_slice(&body).map_err(|_| ApiError::invalid_body())?;
    if let Some((field, code)) = p.validate().first() {
        let what = match field {
            ProspectField::Name => "Nome",
            ProspectField::TaxId => "CNPJ/CPF",
            ProspectField::Uf => "UF",
            ProspectField::City => "Município",
            ProspectField::Email => "E-mail",
        };
        return Err(ApiError::detailed(axum::http::StatusCode::BAD_REQUEST, format!("{what} inválido."), *code));
    }
    let seller = caller.seller()?.to_string();
    state
        .db
        .run(move |tx| {
            let cgc = p.tax_id_digits();
            let taken = tx
                .conn
                .prepare_cached(
                    "SELECT 1 FROM prospects WHERE cgc = ?1 AND deleted = 0 AND vendor = ?2
                     UNION SELECT 1 FROM customers WHERE cgc = ?1 AND deleted = 0 AND vendor = ?2",
                )?
                .exists(rusqlite::params![cgc, seller])?;
            if taken {
                return Err(ApiError::bad_request("CNPJ/CPF já cadastrado para este vendedor."));
            }
            let next: i64 =
                tx.conn
                    .query_row("SELECT coalesce(max(CAST(code AS INTEGER)), 0) + 1 FROM prospects", [], |r| r.get(0))?;
            let code = format!("{next:06}");
            tx.conn.execute(
                "INSERT INTO prospects(code, store, name, fantasy, cgc, persontype, vendor, uf, city, phone, email,
                    country, inclusiondate, status, currentstatus, stamp)
                 VALUES (?1, '01', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, '105', ?11, '2', '1', ?12)",
                rusqlite::params![
                    code,
                    p.name.trim().to_uppercase(),
                    p.trade_name.trim(),
                    cgc,
                    p.person_type(),
                    seller,
                    p.uf.trim().to_uppercase(),
                    p.city.trim(),
                    p.phone.trim(),
                    p.email.trim(),
                    tx.today(),
                    tx.stamp()
                ],
            )?;
            Ok((
                axum::http::StatusCode::CREATED,
                Json(json!({"messageSuccess": "Prospect incluído com sucesso.", "status": "OK",
                    "items": [{"code": code, "store": "01", "internalid": format!("{code}01")}]})),
            ))
        })
        .await
}
