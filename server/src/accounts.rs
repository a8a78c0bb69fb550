//! Accounts outside demo mode. The fixtures' users come with demo passwords, which open
//! nothing under `--no-demo`; a company creates its users, or gives a fixture user a
//! password of its own, with `mascate-server user …` (see `server/README.md`):
//!
//! ```text
//! MASCATE_PASSWORD=… mascate-server user add maria --name "MARIA SILVA" --seller 000001 --data-dir data
//! MASCATE_PASSWORD=… mascate-server user password ana --data-dir data
//! mascate-server user list --data-dir data
//! ```

use rusqlite::{named_params, OptionalExtension};

use crate::auth::hash_password;
use crate::db::Db;
use crate::error::ApiError;

/// The shortest password accepted.
pub const MIN_PASSWORD_LEN: usize = crate::auth::policy::MIN_LEN;

/// A new account.
#[derive(Debug, Clone, Default)]
pub struct NewUser {
    pub username: String,
    pub name: String,
    pub email: String,
    /// The seller (`A3_COD`) the user acts as; the seller row is created or re-linked.
    pub seller: Option<String>,
    pub is_admin: bool,
}

/// One line of `user list`.
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    pub username: String,
    pub name: String,
    pub seller: Option<String>,
    /// Still on the fixture's password: refused outside demo mode.
    pub demo_password: bool,
}

fn check_password(password: &str) -> Result<(), String> {
    if password.chars().count() < MIN_PASSWORD_LEN {
        return Err(format!("the password needs at least {MIN_PASSWORD_LEN} characters"));
    }
    Ok(())
}

fn db_error(e: ApiError) -> String {
    e.to_string()
}

/// Creates an account with `password` (hashed; never a demo password).
pub fn add(db: &Db, user: &NewUser, password: &str) -> Result<(), String> {
    check_password(password)?;
    let username = user.username.trim();
    if username.is_empty() || username.len() > 100 {
        return Err("the user name needs 1 to 100 characters".into());
    }
    let hash = hash_password(password);
    db.write_blocking(|tx| {
        let taken = tx.exists_named("SELECT 1 FROM users WHERE username = :name", &[(":name", &username)])?;
        if taken {
            return Err(ApiError::bad_request(format!("user {username} already exists")));
        }
        let user_id = tx.next_number("user", 6)?;
        let user_id = format!("U{user_id}");
        tx.conn.execute(
            "INSERT INTO users(user_id, username, name, email, password_hash, is_admin, demo_password)
             VALUES (:id, :username, :name, :email, :hash, :admin, 0)",
            named_params! {":id": user_id, ":username": username, ":name": user.name, ":email": user.email,
            ":hash": hash, ":admin": user.is_admin},
        )?;
        if let Some(code) = &user.seller {
            tx.conn.execute(
                "INSERT INTO sellers(code, name, email, user_id) VALUES (:code, :name, :email, :id)
                 ON CONFLICT(code) DO UPDATE SET user_id = excluded.user_id",
                named_params! {":code": code, ":name": user.name, ":email": user.email, ":id": user_id},
            )?;
        }
        Ok(())
    })
    .map_err(db_error)
}

/// Gives an existing account a password of its own; its sessions end.
pub fn set_password(db: &Db, username: &str, password: &str) -> Result<(), String> {
    check_password(password)?;
    let hash = hash_password(password);
    db.write_blocking(|tx| {
        let user_id: Option<String> = tx
            .conn
            .query_row("SELECT user_id FROM users WHERE username = :name", named_params! {":name": username}, |r| {
                r.get(0)
            })
            .optional()?;
        let Some(user_id) = user_id else {
            return Err(ApiError::bad_request(format!("no user {username}")));
        };
        tx.conn.execute(
            "UPDATE users SET password_hash = :hash, demo_password = 0 WHERE user_id = :id",
            named_params! {":hash": hash, ":id": user_id},
        )?;
        tx.conn.execute("DELETE FROM tokens WHERE user_id = :id", named_params! {":id": user_id})?;
        Ok(())
    })
    .map_err(db_error)
}

/// Every account, by user name.
pub fn list(db: &Db) -> Result<Vec<Account>, String> {
    db.write_blocking(|tx| {
        let rows = tx
            .conn
            .prepare(
                "SELECT u.username, u.name, s.code, u.demo_password FROM users u
                 LEFT JOIN sellers s ON s.user_id = u.user_id ORDER BY u.username",
            )?
            .query_map([], |r| {
                Ok(Account { username: r.get(0)?, name: r.get(1)?, seller: r.get(2)?, demo_password: r.get(3)? })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    })
    .map_err(db_error)
}
