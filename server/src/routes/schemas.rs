//! `GET /api/tgv/schemas/` (§3.1): the PO-Sync schemas, as Protheus seeds them, with the
//! fields taken from the entities this server actually returns. Schemas for tables this
//! server does not serve (phone contacts, access log, schema fields, intermediaries) and the
//! blocked product-balance schema are not listed, as an ERP with them blocked would do.

use axum::routing::get;
use axum::Json;
use serde_json::{json, Map, Value};

use super::documented::Documented;
use crate::listing::Entity;
use crate::openapi::{self as doc, Body::Object};
use crate::routes::{catalog, contacts, customers, documents, financial, notifications, prospects};

struct Schema {
    code: &'static str,
    name: &'static str,
    description: &'static str,
    get: &'static str,
    diff: &'static str,
    writes: Option<&'static str>,
    id_field: &'static str,
    entity: &'static Entity,
}

const SCHEMAS: &[Schema] = &[
    Schema {
        code: "000001",
        name: "Notification",
        description: "Notificações",
        get: "notifications/sync",
        diff: "notifications/sync/diff",
        writes: Some("api/tgv/notifications"),
        id_field: "id",
        entity: &notifications::NOTIFICATION_SYNC_ENTITY,
    },
    Schema {
        code: "000002",
        name: "Customer",
        description: "Clientes",
        get: "customers/sync",
        diff: "customers/sync/diff",
        writes: None,
        id_field: "id",
        entity: &customers::CUSTOMER,
    },
    Schema {
        code: "000003",
        name: "Contacts",
        description: "Contatos",
        get: "contacts/sync",
        diff: "contacts/sync/diff",
        writes: Some("api/tgv/contacts"),
        id_field: "internalid",
        entity: &contacts::CONTACT,
    },
    Schema {
        code: "000005",
        name: "Financialstatus",
        description: "Situação financeira",
        get: "financialstatus/sync",
        diff: "financialstatus/sync/diff",
        writes: None,
        id_field: "id",
        entity: &financial::FINANCIAL_STATUS,
    },
    Schema {
        code: "000006",
        name: "PriceListHeader",
        description: "Tabelas de preço",
        get: "priceList",
        diff: "priceList/diff",
        writes: None,
        id_field: "internalid",
        entity: &catalog::PRICE_LIST,
    },
    Schema {
        code: "000007",
        name: "PriceListItem",
        description: "Itens das tabelas de preço",
        get: "priceList/items",
        diff: "priceList/items/diff",
        writes: None,
        id_field: "internalid",
        entity: &catalog::PRICE_LIST_ITEM,
    },
    Schema {
        code: "000008",
        name: "PaymentConditions",
        description: "Condições de pagamento",
        get: "paymentconditions",
        diff: "paymentconditions/diff",
        writes: None,
        id_field: "internalid",
        entity: &catalog::PAYMENT_CONDITION,
    },
    Schema {
        code: "000009",
        name: "SalesOrders",
        description: "Pedidos de venda",
        get: "salesorders/sync",
        diff: "salesorders/sync/diff",
        writes: Some("api/tgv/salesorders/sync"),
        id_field: "externalid",
        entity: &documents::ORDER,
    },
    Schema {
        code: "000010",
        name: "SalesOrdersItems",
        description: "Itens dos pedidos de venda",
        get: "salesorders/sync/items",
        diff: "salesorders/sync/items/diff",
        writes: Some("api/tgv/salesorders/sync/items"),
        id_field: "externalitemid",
        entity: &documents::ORDER_ITEM,
    },
    Schema {
        code: "000011",
        name: "Carriers",
        description: "Transportadoras",
        get: "carriers",
        diff: "carriers/diff",
        writes: None,
        id_field: "internalid",
        entity: &catalog::CARRIER,
    },
    Schema {
        code: "000012",
        name: "Products",
        description: "Produtos",
        get: "products/sync",
        diff: "products/sync/diff",
        writes: None,
        id_field: "internalid",
        entity: &catalog::PRODUCT,
    },
    Schema {
        code: "000014",
        name: "IntegrationQueue",
        description: "Fila de integração",
        get: "integrationqueue",
        diff: "integrationqueue/diff",
        writes: None,
        id_field: "id",
        entity: &crate::queue::QUEUE,
    },
    Schema {
        code: "000016",
        name: "Prospects",
        description: "Prospects",
        get: "prospects/sync",
        diff: "prospects/sync/diff",
        writes: None,
        id_field: "internalid",
        entity: &prospects::PROSPECT,
    },
    Schema {
        code: "000017",
        name: "SalesBudgets",
        description: "Orçamentos",
        get: "salesbudgets/sync",
        diff: "salesbudgets/sync/diff",
        writes: Some("api/tgv/salesbudgets/sync"),
        id_field: "externalid",
        entity: &documents::QUOTATION,
    },
    Schema {
        code: "000018",
        name: "SalesBudgetsItems",
        description: "Itens dos orçamentos",
        get: "salesbudgets/sync/items",
        diff: "salesbudgets/sync/items/diff",
        writes: Some("api/tgv/salesbudgets/sync/items"),
        id_field: "externalitemid",
        entity: &documents::QUOTATION_ITEM,
    },
];

/// `GET /api/tgv/schemas/`: `{items}` only (§3.1).
pub async fn list() -> Json<Value> {
    let items: Vec<Value> = SCHEMAS
        .iter()
        .map(|s| {
            let mut m = Map::new();
            m.insert("code".into(), json!(s.code));
            m.insert("name".into(), json!(s.name));
            m.insert("description".into(), json!(s.description));
            m.insert("getUrlApi".into(), json!(format!("api/tgv/{}", s.get)));
            m.insert("diffUrlApi".into(), json!(format!("api/tgv/{}", s.diff)));
            if let Some(w) = s.writes {
                for key in ["postUrlApi", "patchUrlApi", "deleteUrlApi"] {
                    m.insert(key.into(), json!(w));
                }
            }
            m.insert("idField".into(), json!(s.id_field));
            m.insert("deletedField".into(), json!("deleted"));
            let fields: Vec<&str> = s.entity.columns.iter().map(|(c, _)| *c).collect();
            m.insert("fields".into(), json!(fields));
            // A queue row may be half a megabyte: its pages are smaller.
            let page = if std::ptr::eq(s.entity, &crate::queue::QUEUE) { crate::queue::MAX_PAGE_SIZE } else { 500 };
            m.insert("pageSize".into(), json!(page.to_string()));
            Value::Object(m)
        })
        .collect();
    Json(json!({ "items": items }))
}

/// The schema list and its OpenAPI entry.
pub fn routes() -> Documented {
    Documented::new().route("/api/tgv/schemas", get(list), &[doc::op("get", "PO-Sync schemas", Object)])
}
