//! Demo data: the committed fixtures under `fixtures/`, and the seeded generator that made
//! the customer file and scales it up for benchmarks.

pub mod generate;

use std::path::Path;

use mascate_domain::contract::Customer;
use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::anyhow_lite;
use crate::auth::hash_password;
use crate::db::Tx;
use crate::error::ApiResult;
use crate::listing;
use crate::routes::customers::CUSTOMER;

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
}

/// Everything the demo database starts with.
#[derive(Debug, Clone, Default)]
pub struct Fixtures {
    pub users: Vec<UserFixture>,
    pub customers: Vec<Customer>,
}

impl Fixtures {
    /// Reads `users.json` and `customers.json` from the folder.
    pub fn load(dir: &Path) -> anyhow_lite::Result<Fixtures> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read_to_string(&path)
                .map_err(|e| anyhow_lite::Error(format!("cannot read {}: {e}", path.display())))
        };
        Ok(Fixtures {
            users: serde_json::from_str(&read("users.json")?)?,
            customers: serde_json::from_str(&read("customers.json")?)?,
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

/// Inserts the fixtures (used once, on an empty database).
pub fn seed(tx: &Tx, data: &Fixtures) -> ApiResult<()> {
    for u in &data.users {
        tx.conn.execute(
            "INSERT INTO users(user_id, username, name, email, password_hash, is_admin)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
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
    let mut insert = listing::Insert::prepare(tx, &CUSTOMER)?;
    for c in customers {
        let row = serde_json::to_value(c).map_err(crate::error::ApiError::internal)?;
        insert.run(&row, tx.stamp())?;
    }
    Ok(())
}
