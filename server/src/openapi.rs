//! `GET /api/openapi.json`: the contract this server serves, generated from the code. Record
//! schemas come from the same [`Entity`] column lists the handlers read with, and every
//! route registered in [`crate::routes`] is listed in [`OPERATIONS`] (a test walks the list
//! against the router, so the two cannot drift apart).

use axum::Json;
use serde_json::{json, Map, Value};

use crate::listing::{Entity, Kind};
use crate::routes::{
    catalog, contacts, customers, documents, financial, invoices, last_purchases, notifications, prospects,
};

/// What an operation answers with on success.
#[derive(Clone, Copy)]
pub enum Body {
    /// `{items, hasNext, po_sync_date?}` of online records (no `deleted`, no `STAMP`).
    List(&'static Entity),
    /// The same envelope with sync records (with `deleted`, `STAMP`).
    SyncList(&'static Entity),
    /// A bare online record.
    Record(&'static Entity),
    /// Any JSON object (write confirmations, computed documents).
    Object,
    /// Whatever JSON was sent (the PO-Sync mocks echo their body).
    Echo,
}

/// One documented operation.
pub struct Operation {
    pub method: &'static str,
    /// The path with `{name}` parameters, as registered.
    pub path: &'static str,
    pub summary: &'static str,
    pub body: Body,
    /// Extra query parameters beyond the list ones.
    pub query: &'static [&'static str],
    /// Takes a JSON request body.
    pub writes: bool,
    /// Answers 201 on success (instead of 200).
    pub created: bool,
}

const fn op(method: &'static str, path: &'static str, summary: &'static str, body: Body) -> Operation {
    Operation { method, path, summary, body, query: &[], writes: false, created: false }
}

const fn write(method: &'static str, path: &'static str, summary: &'static str, created: bool) -> Operation {
    Operation { method, path, summary, body: Body::Object, query: &[], writes: true, created }
}

/// A PO-Sync mock write (§8): echoes the body, 201 on POST.
const fn mock(method: &'static str, path: &'static str) -> Operation {
    let created = matches!(method.as_bytes(), b"post");
    Operation {
        method,
        path,
        summary: "PO-Sync mock write (echoes the body)",
        body: Body::Echo,
        query: &[],
        writes: true,
        created,
    }
}

use Body::{List, Object, Record, SyncList};

/// Every route behind `/api`, in the order of the contract.
pub const OPERATIONS: &[Operation] = &[
    Operation {
        query: &["grant_type", "username", "password", "refresh_token"],
        created: true,
        ..op("post", "/api/oauth2/v1/token", "Token (password or refresh_token grant)", Object)
    },
    op("get", "/api/mascate/v1/about", "Demo server discovery (Mascate only)", Object),
    op("get", "/api/tgv/sellers/codeuser", "The seller linked to the token's user", Object),
    op("get", "/api/tgv/schemas", "PO-Sync schemas", Object),
    op("get", "/api/pgv/sellerfilters", "The seller's offline filters", Object),
    write("post", "/api/pgv/sellerfilters", "Create today's filter for a schema", true),
    op("get", "/api/pgv/sellerfilters/{uuid}", "One filter", Object),
    write("put", "/api/pgv/sellerfilters/{uuid}", "Change a filter's items", false),
    op("delete", "/api/pgv/sellerfilters/{uuid}", "Delete a filter", Object),
    op("get", "/api/pgv/sellerfilters/{uuid}/items", "A filter's items", Object),
    op("get", "/api/pgv/sellerfilters/{uuid}/items/{item_id}", "One item of a filter", Object),
    op("get", "/api/tgv/customers", "The seller's customers", List(&customers::CUSTOMER)),
    op("get", "/api/tgv/customers/{code}/{store}", "One customer", Record(&customers::CUSTOMER)),
    op("get", "/api/tgv/customers/sync", "Customers of today's selection", SyncList(&customers::CUSTOMER)),
    op(
        "get",
        "/api/tgv/customers/sync/diff/{date_sync}",
        "Customers changed since a sync date",
        SyncList(&customers::CUSTOMER),
    ),
    op("get", "/api/tgv/customers/creditlimit/{code}/{store}", "Available credit", Object),
    op("get", "/api/tgv/contacts", "Contacts of the seller's customers", List(&contacts::CONTACT)),
    write("post", "/api/tgv/contacts", "Add a contact to a customer", true),
    op("get", "/api/tgv/contacts/{id}", "One contact", Record(&contacts::CONTACT)),
    write("put", "/api/tgv/contacts/{id}", "Change a contact", false),
    op("get", "/api/tgv/contacts/sync", "Contacts of today's selected customers", SyncList(&contacts::CONTACT)),
    op("get", "/api/tgv/contacts/sync/diff/{date_sync}", "Contacts changed since", SyncList(&contacts::CONTACT)),
    op(
        "get",
        "/api/tgv/financialstatus",
        "Financial status of the seller's customers",
        List(&financial::FINANCIAL_STATUS),
    ),
    op(
        "get",
        "/api/tgv/financialstatus/{code}/{store}",
        "One customer's financial status",
        Record(&financial::FINANCIAL_STATUS),
    ),
    op("get", "/api/tgv/financialstatus/sync", "Financial status, full load", SyncList(&financial::FINANCIAL_STATUS)),
    op(
        "get",
        "/api/tgv/financialstatus/sync/diff/{date_sync}",
        "Financial status changed since",
        SyncList(&financial::FINANCIAL_STATUS),
    ),
    Operation {
        query: &["customerid", "customerstore", "filter"],
        ..op("get", "/api/tgv/financialsecurities", "Open bills of a customer", SyncList(&financial::BILL))
    },
    op("get", "/api/tgv/financialsecurities/financialdefault/{code}/{store}", "Delinquency percentage", Object),
    Operation {
        query: &["QUICKFILTER"],
        ..op("get", "/api/tgv/prospects", "The seller's prospects", List(&prospects::PROSPECT))
    },
    write("post", "/api/tgv/prospects", "Register a prospect (Mascate extension)", true),
    op("get", "/api/tgv/prospects/{code}/{store}", "One prospect", Record(&prospects::PROSPECT)),
    op("get", "/api/tgv/prospects/sync", "Prospects of today's selection", SyncList(&prospects::PROSPECT)),
    op("get", "/api/tgv/prospects/sync/diff/{date_sync}", "Prospects changed since", SyncList(&prospects::PROSPECT)),
    Operation { query: &["QUICKFILTER"], ..op("get", "/api/tgv/products", "Products", List(&catalog::PRODUCT)) },
    Operation {
        query: &["FILTERPRICELIST"],
        ..op(
            "get",
            "/api/tgv/products/{price_list}/{customer}/{store}",
            "Products priced by a list for a customer",
            List(&catalog::PRODUCT),
        )
    },
    op("get", "/api/tgv/products/sync", "Products of today's selection", SyncList(&catalog::PRODUCT)),
    op("get", "/api/tgv/products/sync/diff/{date_sync}", "Products changed since", SyncList(&catalog::PRODUCT)),
    op("get", "/api/tgv/productBalance", "Stock per warehouse", SyncList(&catalog::PRODUCT_BALANCE)),
    op("get", "/api/tgv/productBalance/diff/{date_sync}", "Stock changed since", SyncList(&catalog::PRODUCT_BALANCE)),
    op(
        "get",
        "/api/tgv/productBalance/{product}",
        "One product's stock per warehouse",
        List(&catalog::PRODUCT_BALANCE),
    ),
    op("get", "/api/tgv/priceList", "Price lists", SyncList(&catalog::PRICE_LIST)),
    op("get", "/api/tgv/priceList/diff/{date_sync}", "Price lists changed since", SyncList(&catalog::PRICE_LIST)),
    op("get", "/api/tgv/priceList/items", "Price-list items of today's products", SyncList(&catalog::PRICE_LIST_ITEM)),
    op(
        "get",
        "/api/tgv/priceList/items/diff/{date_sync}",
        "Price-list items changed since",
        SyncList(&catalog::PRICE_LIST_ITEM),
    ),
    op("get", "/api/tgv/paymentconditions", "Payment conditions", SyncList(&catalog::PAYMENT_CONDITION)),
    op(
        "get",
        "/api/tgv/paymentconditions/diff/{date_sync}",
        "Payment conditions changed since",
        SyncList(&catalog::PAYMENT_CONDITION),
    ),
    op("get", "/api/tgv/carriers", "Carriers", SyncList(&catalog::CARRIER)),
    op("get", "/api/tgv/carriers/diff/{date_sync}", "Carriers changed since", SyncList(&catalog::CARRIER)),
    op("get", "/api/tgv/typesofoperation", "Operation types", Object),
    op("get", "/api/tgv/productgroups", "Product groups (Mascate's reference list, beyond the contract)", Object),
    op("get", "/api/tgv/salesorders", "The seller's orders", List(&documents::ORDER)),
    write("post", "/api/tgv/salesorders", "Create an order now (MATA410)", true),
    op("get", "/api/tgv/salesorders/{order}", "One order", Record(&documents::ORDER)),
    write("put", "/api/tgv/salesorders/{order}", "Change an order now", false),
    op("delete", "/api/tgv/salesorders/{order}", "Delete an order now", Object),
    op("get", "/api/tgv/salesorders/{order}/items", "An order's items", List(&documents::ORDER_ITEM)),
    op("get", "/api/tgv/salesorders/{order}/items/{item}", "One order item", Record(&documents::ORDER_ITEM)),
    op(
        "get",
        "/api/tgv/salesorders/product/{product}",
        "Orders whose first item is a product",
        List(&documents::ORDER),
    ),
    op("get", "/api/tgv/salesorders/invoices/{order}", "An order's invoices", Object),
    Operation {
        query: &["STATUSFILTER", "page", "pageSize"],
        ..op("get", "/api/pgv/salesorderslist", "Order items and their releases, this month", Object)
    },
    Operation {
        query: &["STATUSFILTER", "page", "pageSize"],
        ..op("get", "/api/pgv/salesorderslist/{from}/{to}", "Order items and their releases, between dates", Object)
    },
    op("get", "/api/tgv/salesorders/total/{order}", "An order's taxes and totals", Object),
    op("get", "/api/tgv/salesorders/sync", "Orders of today's selection", SyncList(&documents::ORDER)),
    mock("post", "/api/tgv/salesorders/sync"),
    mock("put", "/api/tgv/salesorders/sync/{id}"),
    mock("delete", "/api/tgv/salesorders/sync/{id}"),
    op("get", "/api/tgv/salesorders/sync/diff/{date_sync}", "Orders changed since", SyncList(&documents::ORDER)),
    op("get", "/api/tgv/salesorders/sync/items", "Order items of today's selection", SyncList(&documents::ORDER_ITEM)),
    mock("post", "/api/tgv/salesorders/sync/items"),
    mock("put", "/api/tgv/salesorders/sync/items/{id}"),
    mock("delete", "/api/tgv/salesorders/sync/items/{id}"),
    op(
        "get",
        "/api/tgv/salesorders/sync/items/diff/{date_sync}",
        "Order items changed since",
        SyncList(&documents::ORDER_ITEM),
    ),
    op("get", "/api/tgv/salesbudgets", "The seller's quotations", List(&documents::QUOTATION)),
    write("post", "/api/tgv/salesbudgets", "Create a quotation now (MATA415)", true),
    op("get", "/api/tgv/salesbudgets/{id}", "One quotation", Record(&documents::QUOTATION)),
    write("put", "/api/tgv/salesbudgets/{id}", "Change a quotation now", false),
    op("delete", "/api/tgv/salesbudgets/{id}", "Delete a quotation now", Object),
    op("get", "/api/tgv/salesbudgets/{id}/items", "A quotation's items", List(&documents::QUOTATION_ITEM)),
    op("get", "/api/tgv/salesbudgets/{id}/items/{item}", "One quotation item", Record(&documents::QUOTATION_ITEM)),
    op("get", "/api/tgv/salesbudgets/product/{product}", "Quotations with a product", List(&documents::QUOTATION)),
    write("post", "/api/tgv/salesbudgets/implement", "Turn a quotation into an order", true),
    write("post", "/api/tgv/salesbudgets/cancel", "Cancel a quotation", true),
    op("get", "/api/tgv/salesbudgets/sync", "Quotations of today's selection", SyncList(&documents::QUOTATION)),
    mock("post", "/api/tgv/salesbudgets/sync"),
    mock("put", "/api/tgv/salesbudgets/sync/{id}"),
    mock("delete", "/api/tgv/salesbudgets/sync/{id}"),
    op(
        "get",
        "/api/tgv/salesbudgets/sync/diff/{date_sync}",
        "Quotations changed since",
        SyncList(&documents::QUOTATION),
    ),
    op(
        "get",
        "/api/tgv/salesbudgets/sync/items",
        "Quotation items of today's selection",
        SyncList(&documents::QUOTATION_ITEM),
    ),
    mock("post", "/api/tgv/salesbudgets/sync/items"),
    mock("put", "/api/tgv/salesbudgets/sync/items/{id}"),
    mock("delete", "/api/tgv/salesbudgets/sync/items/{id}"),
    op(
        "get",
        "/api/tgv/salesbudgets/sync/items/diff/{date_sync}",
        "Quotation items changed since",
        SyncList(&documents::QUOTATION_ITEM),
    ),
    op("get", "/api/tgv/integrationqueue", "The seller's queue rows", SyncList(&crate::queue::QUEUE)),
    write("post", "/api/tgv/integrationqueue", "Queue a document (insert)", true),
    op("get", "/api/tgv/integrationqueue/diff/{date_sync}", "Queue rows changed since", SyncList(&crate::queue::QUEUE)),
    write("put", "/api/tgv/integrationqueue/{id}", "Queue a document (update)", false),
    op("delete", "/api/tgv/integrationqueue/{id}", "Queue a document's deletion", Object),
    op("get", "/api/tgv/notifications", "The user's notifications", List(&notifications::NOTIFICATION)),
    write("post", "/api/tgv/notifications", "Write a notification", false),
    op("get", "/api/tgv/notifications/{id}", "One notification", Record(&notifications::NOTIFICATION)),
    write("put", "/api/tgv/notifications/{id}", "Mark as read (or change)", false),
    op("delete", "/api/tgv/notifications/{id}", "Delete a notification", Object),
    op(
        "get",
        "/api/tgv/notifications/sync",
        "The user's notifications, full load",
        SyncList(&notifications::NOTIFICATION_SYNC_ENTITY),
    ),
    op(
        "get",
        "/api/tgv/notifications/sync/diff/{date_sync}",
        "Notifications changed since",
        SyncList(&notifications::NOTIFICATION_SYNC_ENTITY),
    ),
    write("post", "/api/fat/v1/SalesTaxes", "Simulate an order's taxes", false),
    op("get", "/api/fat/v1/SalesTaxes/{order}", "A stored order's taxes", Object),
    Operation {
        query: &["initialDate", "finalDate"],
        ..op("get", "/api/tgv/cardsHome", "Item counts by state", Object)
    },
    Operation {
        query: &["type", "initialDate", "finalDate"],
        ..op("get", "/api/tgv/chartsHome", "Billed vs unbilled", Object)
    },
    op("get", "/api/mascate/v1/invoices", "The seller's invoices (Mascate extension)", List(&invoices::INVOICE)),
    op("get", "/api/mascate/v1/returns", "Goods returned against them (Mascate extension)", List(&invoices::RETURN)),
    op(
        "get",
        "/api/mascate/v1/lastpurchases/{code}/{store}",
        "A customer's last purchase of each product (Mascate extension)",
        List(&last_purchases::LAST_PURCHASE),
    ),
    op(
        "get",
        "/api/mascate/v1/lastpurchases/sync",
        "Last purchases of today's selected customers (Mascate extension)",
        SyncList(&last_purchases::LAST_PURCHASE),
    ),
    op(
        "get",
        "/api/mascate/v1/lastpurchases/sync/diff/{date_sync}",
        "Last purchases changed since (Mascate extension)",
        SyncList(&last_purchases::LAST_PURCHASE),
    ),
    write(
        "post",
        "/api/mascate/v1/offline/estimate",
        "Records and JSON bytes of the day's download, with a selection about to be saved (Mascate extension)",
        false,
    ),
    Operation {
        query: &["groupby", "from", "to", "currency", "productgroup", "producttype", "product"],
        ..op(
            "get",
            "/api/mascate/v1/salesstatistics",
            "Sales statistics per product, type, description or group, per month (Mascate extension)",
            Object,
        )
    },
];

fn record_schema(entity: &Entity, sync: bool) -> Value {
    let mut props = Map::new();
    for (name, kind) in entity.columns {
        if !sync && (*name == "deleted" || *kind == Kind::Stamp) {
            continue;
        }
        let t = match kind {
            Kind::Text | Kind::Stamp => "string",
            Kind::Number => "number",
            Kind::Flag => "boolean",
        };
        props.insert((*name).to_string(), json!({"type": t}));
    }
    // FIELDS may leave any property out, and clients ignore unknown ones: nothing is required.
    json!({"type": "object", "properties": props, "additionalProperties": true})
}

fn list_schema(record: Value) -> Value {
    json!({"type": "object", "required": ["items"], "properties": {
        "items": {"type": "array", "items": record},
        "hasNext": {"type": "boolean"},
        "po_sync_date": {"type": "string"}}})
}

const LIST_PARAMS: [&str; 5] = ["page", "pageSize", "FILTER", "FIELDS", "SORT"];

/// The OpenAPI 3.0 document.
pub fn document() -> Value {
    let mut paths = Map::new();
    for o in OPERATIONS {
        let mut parameters: Vec<Value> = Vec::new();
        for seg in o.path.split('/').filter(|s| s.starts_with('{')) {
            let name = seg.trim_matches(|c| c == '{' || c == '}');
            parameters.push(json!({"name": name, "in": "path", "required": true, "schema": {"type": "string"}}));
        }
        let lists = matches!(o.body, Body::List(_) | Body::SyncList(_));
        let query: Vec<&str> =
            if lists { LIST_PARAMS.iter().copied().chain(o.query.iter().copied()).collect() } else { o.query.to_vec() };
        for q in query {
            parameters.push(json!({"name": q, "in": "query", "required": false, "schema": {"type": "string"}}));
        }
        let schema = match o.body {
            Body::List(e) => list_schema(record_schema(e, false)),
            Body::SyncList(e) => list_schema(record_schema(e, true)),
            Body::Record(e) => record_schema(e, false),
            Body::Object => json!({"type": "object"}),
            Body::Echo => json!({}),
        };
        let ok = if o.created { "201" } else { "200" };
        let mut responses = Map::new();
        responses
            .insert(ok.into(), json!({"description": "Success", "content": {"application/json": {"schema": schema}}}));
        if o.created && o.writes && !matches!(o.body, Body::Echo) {
            // Upserts answer 200 when the row existed (the queue, the filters).
            responses.insert(
                "200".into(),
                json!({"description": "Updated", "content": {"application/json": {"schema": {"type": "object"}}}}),
            );
        }
        for (code, text) in
            [("400", "Bad request"), ("401", "No valid token"), ("403", "Not allowed"), ("404", "Not found")]
        {
            responses.insert(code.into(), json!({"description": text, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}));
        }
        let mut operation = json!({"summary": o.summary, "parameters": parameters, "responses": responses});
        if o.writes {
            operation["requestBody"] =
                json!({"required": true, "content": {"application/json": {"schema": {"type": "object"}}}});
        }
        if o.path == "/api/oauth2/v1/token" || o.path == "/api/mascate/v1/about" {
            operation["security"] = json!([]);
        }
        let entry = paths.entry(o.path.to_string()).or_insert_with(|| json!({}));
        entry[o.method] = operation;
    }
    json!({
        "openapi": "3.0.3",
        "info": {"title": "Mascate stand-in Protheus (TGV/PGV sales portal)", "version": env!("CARGO_PKG_VERSION"),
                 "description": "The part of the Protheus sales-portal REST contract that Mascate speaks (shared/tgv-api.md)."},
        "servers": [{"url": "/"}],
        "security": [{"bearer": []}],
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {"Error": {"type": "object", "properties": {
                "code": {"oneOf": [{"type": "integer"}, {"type": "string"}]},
                "message": {"type": "string"}, "detailedMessage": {"type": "string"},
                "errorCode": {"type": "integer"}, "errorMessage": {"type": "string"}}}}
        },
        "paths": paths,
    })
}

/// `GET /api/openapi.json`
pub async fn serve() -> Json<Value> {
    Json(document())
}
