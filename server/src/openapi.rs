//! `GET /api/openapi.json`: the contract this server serves, generated from the code. Record
//! schemas come from the same [`Entity`] column lists the handlers read with, and each route
//! module registers its routes with their entries here ([`crate::routes::documented`]), so
//! the router and the document are one list.

use mascate_domain::dictionary::{self, Field};
use serde_json::{json, Map, Value};

use crate::listing::{Entity, Kind};

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

/// One documented method of a route (its path is the route's).
#[derive(Clone, Copy)]
pub struct Doc {
    pub method: &'static str,
    pub summary: &'static str,
    pub body: Body,
    /// Extra query parameters beyond the list ones.
    pub query: &'static [&'static str],
    /// Takes a JSON request body.
    pub writes: bool,
    /// Answers 201 on success (instead of 200).
    pub created: bool,
    /// The request body's schema, when it is more than "an object" (the dictionary's limits).
    pub request: Option<fn() -> Value>,
}

impl Doc {
    /// The same entry with its request body described by `schema`.
    pub const fn with_request(mut self, schema: fn() -> Value) -> Doc {
        self.request = Some(schema);
        self
    }
}

/// One documented operation: a path and a method's entry.
#[derive(Clone, Copy)]
pub struct Operation {
    /// The path with `{name}` parameters, as registered.
    pub path: &'static str,
    pub doc: Doc,
}

/// A read (or any call without a body).
pub const fn op(method: &'static str, summary: &'static str, body: Body) -> Doc {
    Doc { method, summary, body, query: &[], writes: false, created: false, request: None }
}

/// A call with a JSON body answering an object.
pub const fn write(method: &'static str, summary: &'static str, created: bool) -> Doc {
    Doc { method, summary, body: Body::Object, query: &[], writes: true, created, request: None }
}

/// A PO-Sync mock write (§8): echoes the body, 201 on POST.
pub const fn mock(method: &'static str) -> Doc {
    let created = matches!(method.as_bytes(), b"post");
    Doc {
        method,
        summary: "PO-Sync mock write (echoes the body)",
        body: Body::Echo,
        query: &[],
        writes: true,
        created,
        request: None,
    }
}

/// An object whose properties are `fields` of the dictionary: strings with their
/// `maxLength` and `pattern` (a client may send more properties; texts may come as numbers,
/// which the server reads as Protheus does, so only strings are described).
pub fn fields_schema(fields: &[Field]) -> Value {
    let props: Map<String, Value> = fields
        .iter()
        .map(|f| (f.name.to_string(), json!({"type": "string", "maxLength": f.size, "pattern": f.pattern()})))
        .collect();
    json!({"type": "object", "properties": props, "additionalProperties": true})
}

/// An order's or quotation's body, `{header, items}` (§10.2).
pub fn document_body() -> Value {
    let mut line = fields_schema(&dictionary::DOCUMENT_LINE);
    for n in ["quantity", "unitprice", "pricelist", "discount"] {
        line["properties"][n] = json!({"type": "number", "minimum": 0});
    }
    json!({"type": "object", "required": ["header"], "properties": {
        "header": fields_schema(&dictionary::DOCUMENT_HEADER),
        "items": {"type": "array", "items": line}}})
}

/// A contact's body.
pub fn contact_body() -> Value {
    fields_schema(&dictionary::CONTACT)
}

/// A task's body.
pub fn task_body() -> Value {
    let mut schema = fields_schema(&dictionary::TASK);
    schema["properties"]["status"] = json!({"type": "string", "enum": ["open", "done"]});
    schema
}

/// A task note's body.
pub fn task_note_body() -> Value {
    fields_schema(&[dictionary::TASK_NOTE_TEXT])
}

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

/// The OpenAPI 3.0 document of `operations`.
pub fn document(operations: &[Operation]) -> Value {
    let mut paths = Map::new();
    for operation in operations {
        let (path, o) = (operation.path, &operation.doc);
        let mut parameters: Vec<Value> = Vec::new();
        for seg in path.split('/').filter(|s| s.starts_with('{')) {
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
        // Every body has a bound, and every write may find the disk (or a quota) full.
        let bounds: &[(&str, &str)] = match (o.writes, o.method) {
            (true, _) => &[("413", "Body too large"), ("507", "Storage full or quota reached: nothing written")],
            (false, "delete") => &[("507", "Storage full or quota reached: nothing written")],
            _ => &[],
        };
        for (code, text) in bounds {
            let content = json!({"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}});
            responses.insert((*code).into(), json!({"description": text, "content": content}));
        }
        let mut operation = json!({"summary": o.summary, "parameters": parameters, "responses": responses});
        if o.writes {
            let schema = o.request.map(|f| f()).unwrap_or_else(|| json!({"type": "object"}));
            operation["requestBody"] = json!({"required": true, "content": {"application/json": {"schema": schema}}});
        }
        if path == "/api/oauth2/v1/token" || path == "/api/mascate/v1/about" {
            operation["security"] = json!([]);
        }
        let entry = paths.entry(path.to_string()).or_insert_with(|| json!({}));
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
