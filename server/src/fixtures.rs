//! Demo data: the committed fixtures under `fixtures/`, and the seeded generator that made
//! the customer file and scales it up for benchmarks.

pub mod agenda;
pub mod catalog;
pub mod contacts;
pub mod currencies;
pub mod finance;
pub mod generate;
pub mod history;
pub mod industry;
pub mod returns;

use std::path::Path;

use mascate_domain::contract::Customer;
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Statement};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::auth::hash_password;
use crate::db::Tx;
use crate::error::{ApiResult, StartError};
use crate::listing::Kind;
use crate::tables::{CUSTOMER, CUSTOMER_DERIVED, CUSTOMER_TABLE};

/// A demo user and, when `seller_code` is set, the seller linked to it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UserFixture {
    pub user_id: String,
    pub username: String,
    /// Plain text in the fixture (these are demo logins); stored hashed.
    pub password: String,
    pub name: String,
    #[serde(default)]
    pub short_name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub seller_code: Option<String>,
    #[serde(default)]
    pub is_admin: bool,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub area_code: String,
    /// The seller's sales region (`A3_REGIAO`, described).
    #[serde(default)]
    pub region: String,
    /// The seller's commission, percent (`A3_COMIS`).
    #[serde(default)]
    pub commission: f64,
}

/// Everything the demo database starts with.
#[derive(Debug, Clone, Default)]
pub struct Fixtures {
    pub users: Vec<UserFixture>,
    pub customers: Vec<Customer>,
    pub reference: catalog::Reference,
    pub products: Vec<Value>,
    pub stock: Vec<Value>,
    pub price_list_items: Vec<Value>,
    pub prospects: Vec<Value>,
}

/// The seed every generated fixture starts from.
pub const SEED: u64 = 20261122;

impl Fixtures {
    /// Reads `users.json` and `customers.json` from the folder.
    pub fn load(dir: &Path) -> Result<Fixtures, StartError> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read_to_string(&path)
                .map_err(|e| StartError::Other(format!("cannot read {}: {e}", path.display())))
        };
        Ok(Fixtures {
            users: serde_json::from_str(&read("users.json")?)?,
            customers: serde_json::from_str(&read("customers.json")?)?,
            reference: serde_json::from_str(&read("catalog.json")?)?,
            products: serde_json::from_str(&read("products.json")?)?,
            stock: serde_json::from_str(&read("stock.json")?)?,
            price_list_items: serde_json::from_str(&read("price-list-items.json")?)?,
            prospects: serde_json::from_str(&read("prospects.json")?)?,
        })
    }

    /// The demo logins, for the login page.
    pub fn demo_logins(&self) -> Vec<mascate_domain::contract::DemoLogin> {
        self.users
            .iter()
            .filter(|u| u.seller_code.is_some())
            .map(|u| mascate_domain::contract::DemoLogin {
                username: u.username.clone(),
                password: u.password.clone(),
                name: u.name.clone(),
            })
            .collect()
    }
}

fn is_empty(tx: &Tx, table: &str) -> ApiResult<bool> {
    Ok(tx.conn.query_row(&format!("SELECT NOT EXISTS (SELECT 1 FROM {table})"), [], |r| r.get(0))?)
}

/// Loads each group of fixtures whose tables are still empty: a new database gets
/// everything, and a database made by an older version gets the tables it lacked.
pub fn seed(tx: &Tx, data: &Fixtures) -> ApiResult<()> {
    if is_empty(tx, "users")? {
        seed_people(tx, data)?;
    }
    if is_empty(tx, "products")? {
        seed_catalog(tx, data)?;
    }
    if is_empty(tx, "prospects")? {
        insert_rows(tx, "prospects", &data.prospects, true)?;
    }
    if is_empty(tx, "orders")? {
        seed_history(tx, data)?;
    }
    if is_empty(tx, "contacts")? {
        let rows = contacts::generate(SEED, &data.customers);
        insert_rows(tx, "contacts", &rows, true)?;
        tx.conn.execute(
            "INSERT INTO sequences(name, value) VALUES ('contact', ?1) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
            params![rows.len() as i64],
        )?;
    }
    if is_empty(tx, "returns")? {
        returns::seed(tx)?;
    }
    if is_empty(tx, "tasks")? && is_empty(tx, "visits")? {
        seed_agenda(tx, data)?;
    }
    seller_profiles(tx, data)?;
    seed_finance_and_industry(tx)
}

/// Each seller's tasks, their notes and the visits scheduled, around today.
fn seed_agenda(tx: &Tx, data: &Fixtures) -> ApiResult<()> {
    let sellers: Vec<(String, Vec<&Customer>)> = data
        .users
        .iter()
        .filter_map(|u| u.seller_code.clone())
        .map(|s| {
            let mine = data.customers.iter().filter(|c| c.seller_code == s && c.deleted != Some(true)).collect();
            (s, mine)
        })
        .collect();
    let a = agenda::generate(SEED, &tx.today(), &sellers);
    insert_rows(tx, "tasks", &a.tasks, true)?;
    insert_rows(tx, "task_notes", &a.notes, true)?;
    insert_rows(tx, "visits", &a.visits, true)
}

/// The fixture sellers' region and commission, also into a database made before they
/// existed (only where they are still blank).
fn seller_profiles(tx: &Tx, data: &Fixtures) -> ApiResult<()> {
    for u in &data.users {
        if let Some(code) = &u.seller_code {
            tx.conn.execute(
                "UPDATE sellers SET region = ?2, commission = ?3 WHERE code = ?1 AND region = '' AND commission = 0",
                params![code, u.region, u.commission],
            )?;
        }
    }
    Ok(())
}

/// Currencies, payments, credit notes, shipping, held stock and production orders, each
/// made once from what the database already holds.
fn seed_finance_and_industry(tx: &Tx) -> ApiResult<()> {
    if is_empty(tx, "currencies")? {
        currencies::seed(tx)?;
    }
    if is_empty(tx, "bill_payments")? {
        finance::seed_payments(tx)?;
    }
    if is_empty(tx, "credit_notes")? {
        finance::seed_credit_notes(tx)?;
    }
    industry::seed_shipping(tx)?;
    if is_empty(tx, "held_stock")? && is_empty(tx, "production_orders")? {
        industry::seed_industry(tx)?;
    }
    Ok(())
}

fn seed_history(tx: &Tx, data: &Fixtures) -> ApiResult<()> {
    let sellers: Vec<(String, String)> =
        data.users.iter().filter_map(|u| u.seller_code.clone().map(|s| (s, u.user_id.clone()))).collect();
    let company = history::Company {
        customers: &data.customers,
        products: &data.products,
        price_list_items: &data.price_list_items,
        payment_conditions: &data.reference.payment_conditions,
        sellers: &sellers,
    };
    let h = history::generate(SEED, &tx.today(), &company);
    insert_rows(tx, "orders", &h.orders, true)?;
    insert_rows(tx, "order_items", &h.order_items, true)?;
    insert_rows(tx, "invoices", &h.invoices, false)?;
    insert_rows(tx, "bills", &h.bills, true)?;
    insert_rows(tx, "quotations", &h.quotations, true)?;
    insert_rows(tx, "quotation_items", &h.quotation_items, true)?;
    insert_rows(tx, "notifications", &h.notifications, true)?;
    for (name, value) in h.sequences {
        tx.conn.execute(
            "INSERT INTO sequences(name, value) VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
            params![name, value],
        )?;
    }
    Ok(())
}

fn seed_catalog(tx: &Tx, data: &Fixtures) -> ApiResult<()> {
    let r = &data.reference;
    insert_rows(tx, "warehouses", &r.warehouses, false)?;
    insert_rows(tx, "product_groups", &r.product_groups, false)?;
    insert_rows(tx, "operation_types", &r.operation_types, false)?;
    insert_rows(tx, "payment_conditions", &r.payment_conditions, true)?;
    insert_rows(tx, "carriers", &r.carriers, true)?;
    // `factor` and `share` only drive the generator.
    let lists: Vec<Value> = r
        .price_lists
        .iter()
        .map(|l| {
            let mut l = l.clone();
            if let Some(m) = l.as_object_mut() {
                m.remove("factor");
                m.remove("share");
            }
            l
        })
        .collect();
    insert_rows(tx, "price_lists", &lists, true)?;
    insert_rows(tx, "products", &data.products, true)?;
    insert_rows(tx, "stock", &data.stock, true)?;
    insert_rows(tx, "price_list_items", &data.price_list_items, true)
}

/// Inserts JSON objects whose keys are the table's column names; `stamped` rows get a
/// fresh stamp each.
pub fn insert_rows(tx: &Tx, table: &str, rows: &[Value], stamped: bool) -> ApiResult<()> {
    for row in rows {
        let Some(obj) = row.as_object() else { continue };
        let mut names: Vec<&str> = obj.keys().map(String::as_str).collect();
        let mut values: Vec<SqlValue> = obj
            .values()
            .map(|v| match v {
                Value::Number(n) => {
                    n.as_i64().map(SqlValue::Integer).unwrap_or(SqlValue::Real(n.as_f64().unwrap_or(0.0)))
                }
                Value::Bool(b) => SqlValue::Integer(*b as i64),
                Value::String(s) => SqlValue::Text(s.clone()),
                Value::Null => SqlValue::Null,
                other => SqlValue::Text(other.to_string()),
            })
            .collect();
        if stamped {
            names.push("stamp");
            values.push(SqlValue::Integer(tx.stamp()));
        }
        let marks = vec!["?"; names.len()].join(", ");
        let sql = format!("INSERT INTO {table} ({}) VALUES ({marks})", names.join(", "));
        tx.conn.prepare_cached(&sql)?.execute(params_from_iter(values.iter()))?;
    }
    Ok(())
}

fn seed_people(tx: &Tx, data: &Fixtures) -> ApiResult<()> {
    for u in &data.users {
        tx.conn.execute(
            "INSERT INTO users(user_id, username, name, email, password_hash, is_admin, demo_password)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)",
            params![u.user_id, u.username, u.name, u.email, hash_password(&u.password), u.is_admin],
        )?;
        if let Some(code) = &u.seller_code {
            tx.conn.execute(
                "INSERT INTO sellers(code, name, shortname, email, areacode, phone, user_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![code, u.name, u.short_name, u.email, u.area_code, u.phone, u.user_id],
            )?;
        }
    }
    insert_customers(tx, &data.customers)
}

/// Inserts customers, each with a fresh stamp.
pub fn insert_customers(tx: &Tx, customers: &[Customer]) -> ApiResult<()> {
    let mut insert = Insert::prepare(tx)?;
    for c in customers {
        let row = serde_json::to_value(c).map_err(crate::error::ApiError::internal)?;
        insert.run(&row, tx.stamp())?;
    }
    Ok(())
}

/// A prepared upsert of the customers' stored columns (derived ones such as `id` skipped).
struct Insert<'a> {
    stmt: Statement<'a>,
    columns: Vec<(&'static str, Kind)>,
}

impl<'a> Insert<'a> {
    fn prepare(tx: &'a Tx) -> ApiResult<Insert<'a>> {
        let stored = |c: &str| !CUSTOMER_DERIVED.contains(&c) && c != "stamp" && c != "deleted";
        let columns: Vec<(&'static str, Kind)> = CUSTOMER.columns.iter().copied().filter(|(c, _)| stored(c)).collect();
        let names: Vec<&str> = columns.iter().map(|(c, _)| *c).collect();
        let marks: Vec<String> = (1..=names.len() + 1).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "INSERT OR REPLACE INTO {CUSTOMER_TABLE} ({}, stamp, deleted) VALUES ({}, 0)",
            names.join(", "),
            marks.join(", ")
        );
        Ok(Insert { stmt: tx.conn.prepare(&sql)?, columns })
    }

    /// Writes one JSON record (missing properties become empty/zero).
    fn run(&mut self, row: &Value, stamp: i64) -> ApiResult<()> {
        let mut values: Vec<SqlValue> = self
            .columns
            .iter()
            .map(|(c, kind)| match (kind, row.get(*c)) {
                (Kind::Number, Some(Value::Number(n))) => SqlValue::Real(n.as_f64().unwrap_or(0.0)),
                (Kind::Number, _) => SqlValue::Real(0.0),
                (Kind::Flag, Some(Value::Bool(b))) => SqlValue::Integer(*b as i64),
                (Kind::Flag | Kind::Stamp, _) => SqlValue::Integer(0),
                (Kind::Text, Some(Value::String(s))) => SqlValue::Text(s.clone()),
                (Kind::Text, Some(Value::Null) | None) => SqlValue::Text(String::new()),
                (Kind::Text, Some(other)) => SqlValue::Text(other.to_string()),
            })
            .collect();
        values.push(SqlValue::Integer(stamp));
        self.stmt.execute(params_from_iter(values.iter()))?;
        Ok(())
    }
}
