//! Today's selection (seller filters, AQ4 header + AQ5 items) as storage: the SQL that says
//! whether a row is selected, the numbering of items, and adding one entity. The routes of
//! `/api/pgv/sellerfilters`, the sync endpoints and the document engine all come here, so
//! they agree on one numbering.
//!
//! Item numbers (`AQ5_ITEM`) are 4 characters wide. They run `0001`…`9999` as the contract
//! shows them, then carry on alphanumerically (`999A`…`ZZZZ`, Protheus's `Soma1` past the
//! digits), so a selection of more than 9,999 records still fits the field. Every number is
//! 4 characters from `0-9A-Z`, so byte order is the numbering's order and the next number
//! is always after the highest one stored: a new item can never land on an old one.

use rand::RngCore;
use rusqlite::{named_params, OptionalExtension};

use crate::db::Tx;
use crate::error::ApiError;

/// The width of `AQ5_ITEM`.
pub const ITEM_WIDTH: usize = 4;

/// How many items one filter can number (`0001`…`9999`, then `999A`…`ZZZZ`).
pub const MAX_ITEMS: usize = 9_999 + (36usize.pow(4) - 1 - 431_901); // 431,901 = "9999" read in base 36

/// Why an entity could not be added to a selection.
#[derive(Debug, thiserror::Error)]
pub enum SelectionError {
    /// Every item number of the filter is taken.
    #[error("O filtro atingiu o limite de {MAX_ITEMS} itens (AQ5_ITEM tem {ITEM_WIDTH} caracteres).")]
    Full,
    #[error(transparent)]
    Db(#[from] ApiError),
}

impl From<rusqlite::Error> for SelectionError {
    fn from(e: rusqlite::Error) -> Self {
        SelectionError::Db(e.into())
    }
}

impl From<SelectionError> for ApiError {
    fn from(e: SelectionError) -> Self {
        match e {
            SelectionError::Full => ApiError::bad_request(e.to_string()),
            SelectionError::Db(e) => e,
        }
    }
}

/// A random version-4 UUID, as `AQ4_UUID`/`AQ5_UUID`.
pub fn new_uuid() -> String {
    let mut b = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex::encode(b);
    format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}

/// A client's `itemid` in the stored form: 1–4 characters of `0-9A-Z`, left-padded with
/// zeros (`"2"` → `"0002"`). `None` for anything else.
pub fn item_id(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let ok =
        !raw.is_empty() && raw.len() <= ITEM_WIDTH && raw.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase());
    ok.then(|| format!("{raw:0>ITEM_WIDTH$}"))
}

/// The item number after `last` (`""` → `0001`, `0009` → `0010`, `9999` → `999A`,
/// `999Z` → `99A0`); `None` past `ZZZZ`.
pub fn next_item_id(last: &str) -> Option<String> {
    if last.is_empty() {
        return Some("0001".into());
    }
    if let Ok(n) = last.parse::<u32>() {
        if n < 9_999 && last.bytes().all(|b| b.is_ascii_digit()) {
            return Some(format!("{:04}", n + 1));
        }
    }
    if last.bytes().all(|b| b == b'Z') {
        return None;
    }
    Some(mascate_domain::document::next_item_id(last))
}

/// Hands out a filter's item numbers, each after the highest one stored or handed out.
pub struct Numbering {
    filter: String,
    last: Option<String>,
}

impl Numbering {
    /// Numbering for `filter_uuid`; reads its highest item once, at the first number.
    pub fn of(filter_uuid: &str) -> Numbering {
        Numbering { filter: filter_uuid.to_string(), last: None }
    }

    /// Notes a number a client chose, so later ones come after it.
    pub fn saw(&mut self, tx: &Tx, id: &str) -> Result<(), SelectionError> {
        let last = self.last(tx)?;
        if id > last.as_str() {
            self.last = Some(id.to_string());
        }
        Ok(())
    }

    pub fn next(&mut self, tx: &Tx) -> Result<String, SelectionError> {
        let next = next_item_id(&self.last(tx)?).ok_or(SelectionError::Full)?;
        self.last = Some(next.clone());
        Ok(next)
    }

    fn last(&mut self, tx: &Tx) -> Result<String, SelectionError> {
        if let Some(l) = &self.last {
            return Ok(l.clone());
        }
        let stored: Option<String> = tx.conn.query_row(
            "SELECT max(itemid) FROM seller_filter_items WHERE filter_uuid = :filter",
            named_params! {":filter": self.filter},
            |r| r.get(0),
        )?;
        let last = stored.unwrap_or_default();
        self.last = Some(last.clone());
        Ok(last)
    }
}

/// SQL that is true when `key_sql` is an entity of today's filter; binds seller, schema, date.
pub fn in_todays_filter(key_sql: &str) -> String {
    format!(
        "{key_sql} IN (SELECT i.entityid FROM seller_filter_items i JOIN seller_filters f ON f.uuid = i.filter_uuid
          WHERE f.sellerid = ? AND f.schemaid = ? AND f.inclusiondate = ? AND f.deleted = 0)"
    )
}

/// Adds `entity` to today's filter of `schema` for `seller`, creating the filter if needed
/// (the ERP does this for documents it accepted; prospects do it for their customers).
pub fn add_to_todays_filter(tx: &Tx, seller: &str, schema_id: &str, entity: &str) -> Result<(), SelectionError> {
    let today = tx.today();
    let existing: Option<String> = tx
        .conn
        .query_row(
            "SELECT uuid FROM seller_filters
             WHERE sellerid = :seller AND schemaid = :schema AND inclusiondate = :today AND deleted = 0",
            named_params! {":seller": seller, ":schema": schema_id, ":today": today},
            |r| r.get(0),
        )
        .optional()?;
    let uuid = match existing {
        Some(u) => u,
        None => {
            let u = new_uuid();
            tx.execute_named(
                "INSERT INTO seller_filters(uuid, sellerid, schemaid, inclusiondate, stamp)
                 VALUES (:uuid, :seller, :schema, :today, :stamp)",
                &[
                    (":uuid", &u),
                    (":seller", &seller),
                    (":schema", &schema_id),
                    (":today", &today),
                    (":stamp", &tx.stamp()),
                ],
            )?;
            u
        }
    };
    let present = tx
        .conn
        .prepare_cached("SELECT 1 FROM seller_filter_items WHERE filter_uuid = :filter AND entityid = :entity")?
        .exists(named_params! {":filter": uuid, ":entity": entity})?;
    if !present {
        let item_id = Numbering::of(&uuid).next(tx)?;
        tx.execute_named(
            "INSERT INTO seller_filter_items(filter_uuid, uuid, itemid, entityid) VALUES (:filter, :uuid, :item, :entity)",
            &[(":filter", &uuid), (":uuid", &new_uuid()), (":item", &item_id), (":entity", &entity)],
        )?;
        tx.conn
            .prepare_cached("UPDATE seller_filters SET stamp = :stamp WHERE uuid = :uuid")?
            .execute(named_params! {":stamp": tx.stamp(), ":uuid": uuid})?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_stay_four_wide_and_in_byte_order_past_9999() {
        assert_eq!(next_item_id("").as_deref(), Some("0001"));
        assert_eq!(next_item_id("0009").as_deref(), Some("0010"));
        assert_eq!(next_item_id("9998").as_deref(), Some("9999"));
        assert_eq!(next_item_id("9999").as_deref(), Some("999A"));
        assert_eq!(next_item_id("999Z").as_deref(), Some("99A0"));
        assert_eq!(next_item_id("ZZZZ"), None);
        let mut last = String::new();
        for n in 1..=MAX_ITEMS {
            let next = next_item_id(&last).unwrap_or_else(|| panic!("ran out at {n}"));
            assert_eq!(next.len(), ITEM_WIDTH);
            assert!(next > last, "{next} after {last}");
            last = next;
        }
        assert_eq!(last, "ZZZZ");
        assert_eq!(next_item_id(&last), None);
    }

    #[test]
    fn client_item_ids_are_padded_or_refused() {
        assert_eq!(item_id("2").as_deref(), Some("0002"));
        assert_eq!(item_id(" 0003 ").as_deref(), Some("0003"));
        assert_eq!(item_id("999A").as_deref(), Some("999A"));
        assert_eq!(item_id("10000"), None, "wider than AQ5_ITEM");
        assert_eq!(item_id("00a1"), None);
        assert_eq!(item_id(""), None);
    }
}
