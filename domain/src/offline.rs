//! What the rep takes offline and what the app may do without the ERP: today's selection
//! per schema (the Offline Configurator), whether the device's copy is today's, the tables
//! the device keeps and how each is pulled, and the offline rules for documents.
//!
//! ```
//! use mascate_domain::offline::{check_quick_filter, readiness, Readiness, QuickFilter};
//! assert_eq!(check_quick_filter("ab"), Err(QuickFilter::TooShort));
//! assert_eq!(check_quick_filter(" ref "), Ok(Some("ref".to_string())));
//! assert_eq!(readiness(Some("2026-11-24"), true, "2026-11-25"), Readiness::Stale { day: "2026-11-24".into() });
//! ```

use crate::contract::{schema, SellerFilterItem};
use crate::filter::{Expr, Op};
use crate::outbox::SendState;
use crate::text::fold;

mod day;
pub mod home_screen;
pub mod resume;
mod tables;
pub mod vanished;

pub use day::{chosen_today, prepared, readiness, ErpClock, Prepared, Readiness};
pub use tables::{checkpoint_key, pull_path, Key, Table, PAGE_SIZE, TABLES};

/// The schemas a rep selects records of (§3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Schema {
    Customers,
    Products,
    Prospects,
}

impl Schema {
    pub const ALL: [Schema; 3] = [Schema::Customers, Schema::Products, Schema::Prospects];

    /// The ERP's schema code (`AQ4_SCHEMA`).
    pub fn id(self) -> &'static str {
        match self {
            Schema::Customers => schema::CUSTOMERS,
            Schema::Products => schema::PRODUCTS,
            Schema::Prospects => schema::PROSPECTS,
        }
    }

    pub fn from_id(id: &str) -> Option<Schema> {
        Schema::ALL.into_iter().find(|s| s.id() == id.trim())
    }

    /// The word used in URLs (`/offline/customers`).
    pub fn slug(self) -> &'static str {
        match self {
            Schema::Customers => "customers",
            Schema::Products => "products",
            Schema::Prospects => "prospects",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Schema> {
        Schema::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

/// The shortest quick filter the configurator accepts: shorter ones match half the ERP.
pub const MIN_QUICK_FILTER: usize = 3;

/// Why a quick filter was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuickFilter {
    TooShort,
}

/// Checks step 1 of the configurator: empty (no quick filter) or at least
/// [`MIN_QUICK_FILTER`] characters. Returns the trimmed text to search for.
pub fn check_quick_filter(text: &str) -> Result<Option<String>, QuickFilter> {
    let t = text.trim();
    match t.chars().count() {
        0 => Ok(None),
        n if n < MIN_QUICK_FILTER => Err(QuickFilter::TooShort),
        _ => Ok(Some(t.to_string())),
    }
}

/// The items of a `PUT /api/pgv/sellerfilters/:uuid` that turn the saved selection
/// `existing` into `wanted`: removed entities by `itemid` with `isDeleted`, new ones with
/// only their `entityid` (the ERP numbers them). Unchanged items are left out.
pub fn filter_changes(existing: &[SellerFilterItem], wanted: &[String]) -> Vec<SellerFilterItem> {
    let wanted_set: std::collections::HashSet<&str> = wanted.iter().map(|w| w.trim_end()).collect();
    let existing_set: std::collections::HashSet<&str> = existing.iter().map(|e| e.entity_id.trim_end()).collect();
    let removed = existing.iter().filter(|e| !wanted_set.contains(e.entity_id.trim_end())).map(|e| SellerFilterItem {
        item_id: e.item_id.clone(),
        entity_id: e.entity_id.clone(),
        is_deleted: true,
        ..Default::default()
    });
    let mut seen = std::collections::HashSet::new();
    let added = wanted
        .iter()
        .filter(|w| !existing_set.contains(w.trim_end()) && seen.insert(w.trim_end().to_string()))
        .map(|w| SellerFilterItem { entity_id: w.clone(), ..Default::default() });
    removed.chain(added).collect()
}

/// Step 2 of the configurator: the fields that narrow a schema's records. Each schema
/// reads only its own fields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Advanced {
    /// Customers, prospects: the state (UF).
    pub uf: String,
    /// Customers: part of the city's name.
    pub city: String,
    /// Customers: risk A–E.
    pub risk: String,
    /// Customers: bought on or after this day (`YYYY-MM-DD`).
    pub bought_since: String,
    /// Products: group code.
    pub group: String,
    /// Products: type (`PA`, `ME`…).
    pub kind: String,
    /// Products: only with stock in the standard warehouse (the ERP's `HASSTOCK`).
    pub in_stock: bool,
    /// Prospects: the prospect's stage (`US_STATUS`).
    pub stage: String,
}

/// The ERP `FILTER` for the candidates of `schema` (steps 1 and 2 together); `quick` is
/// the checked quick filter.
pub fn candidate_filter(schema: Schema, quick: Option<&str>, a: &Advanced) -> Option<Expr> {
    let mut parts = Vec::new();
    if let Some(q) = quick.map(str::trim).filter(|q| !q.is_empty()) {
        let words = match schema {
            Schema::Customers => {
                vec![Expr::starts_with("code", q), Expr::contains("name", q), Expr::contains("fantasy", q)]
            }
            Schema::Products => vec![Expr::starts_with("code", q), Expr::contains("description", q)],
            Schema::Prospects => vec![
                Expr::starts_with("code", q),
                Expr::contains("name", q),
                Expr::contains("fantasy", q),
                Expr::starts_with("customercode", q),
            ],
        };
        parts.extend(Expr::any(words));
    }
    let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    match schema {
        Schema::Customers => {
            parts.extend(text(&a.uf).map(|v| Expr::eq("uf", v.as_str())));
            parts.extend(text(&a.city).map(|v| Expr::contains("city", &v)));
            parts.extend(text(&a.risk).map(|v| Expr::eq("risk", v.as_str())));
            parts.extend(text(&a.bought_since).map(|v| Expr::compare("lastpurchase", Op::Ge, v.as_str())));
        }
        Schema::Products => {
            parts.extend(text(&a.group).map(|v| Expr::eq("productgroup", v.as_str())));
            parts.extend(text(&a.kind).map(|v| Expr::eq("type", v.as_str())));
        }
        Schema::Prospects => {
            parts.extend(text(&a.uf).map(|v| Expr::eq("uf", v.as_str())));
            parts.extend(text(&a.stage).map(|v| Expr::eq("currentstatus", v.as_str())));
        }
    }
    Expr::all(parts)
}

/// What may be done to a document the device wrote, online or not. Offline there is no
/// delete (it needs the ERP's answer). Only documents the ERP already accepted (edited as
/// an update under their number) or refused (fixed and sent again) may be edited: one
/// still on its way would race its own send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeviceActions {
    pub edit: bool,
    pub delete: bool,
}

pub fn device_actions(online: bool, state: SendState) -> DeviceActions {
    DeviceActions {
        edit: matches!(state, SendState::Synced | SendState::Error),
        delete: online && state == SendState::Synced,
    }
}

/// Offline search over stored rows: every word of `search` must appear (accent- and
/// case-insensitive) in one of `fields(row)`.
pub fn matches_words<'a>(search: &str, fields: impl IntoIterator<Item = &'a str>) -> bool {
    let hay: Vec<String> = fields.into_iter().map(fold).collect();
    fold(search).split_whitespace().all(|w| hay.iter().any(|h| h.contains(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_filter_needs_three_characters() {
        assert_eq!(check_quick_filter(""), Ok(None));
        assert_eq!(check_quick_filter("   "), Ok(None));
        assert_eq!(check_quick_filter("ab"), Err(QuickFilter::TooShort));
        assert_eq!(check_quick_filter(" ab "), Err(QuickFilter::TooShort), "spaces do not count");
        assert_eq!(check_quick_filter("çã"), Err(QuickFilter::TooShort), "characters, not bytes");
        assert_eq!(check_quick_filter("abc"), Ok(Some("abc".into())));
    }

    #[test]
    fn schemas_round_trip() {
        for s in Schema::ALL {
            assert_eq!(Schema::from_id(s.id()), Some(s));
            assert_eq!(Schema::from_slug(s.slug()), Some(s));
        }
        assert_eq!(Schema::from_id("000009"), None);
    }

    #[test]
    fn filter_changes_remove_by_item_and_add_by_entity() {
        let existing: Vec<SellerFilterItem> = [("0001", "00000101"), ("0002", "00000201")]
            .iter()
            .map(|(i, e)| SellerFilterItem { item_id: (*i).into(), entity_id: (*e).into(), ..Default::default() })
            .collect();
        let wanted = vec!["00000201".to_string(), "00000301".to_string(), "00000301".to_string()];
        let ch = filter_changes(&existing, &wanted);
        assert_eq!(ch.len(), 2, "{ch:?}");
        assert_eq!((ch[0].item_id.as_str(), ch[0].is_deleted), ("0001", true));
        assert_eq!((ch[1].item_id.as_str(), ch[1].entity_id.as_str(), ch[1].is_deleted), ("", "00000301", false));
        assert!(filter_changes(&existing, &["00000101".into(), "00000201  ".into()]).is_empty(), "padding ignored");
    }

    #[test]
    fn offline_offers_no_delete_and_edits_only_synced_or_refused() {
        use SendState::*;
        for s in [Pending, Queued, Processing] {
            assert!(!device_actions(false, s).edit, "{s:?}");
        }
        assert!(device_actions(false, Synced).edit);
        assert!(device_actions(false, Error).edit);
        for s in [Pending, Queued, Processing, Synced, Error] {
            assert!(!device_actions(false, s).delete, "offline: no delete ({s:?})");
        }
        assert!(!device_actions(true, Pending).edit, "on its way");
        assert!(!device_actions(true, Queued).edit, "in the ERP's hands");
        assert!(device_actions(true, Synced).delete);
    }

    #[test]
    fn candidate_filters_use_each_schemas_fields() {
        let a = Advanced { uf: "SP".into(), risk: "A".into(), group: "0001".into(), ..Default::default() };
        let c = candidate_filter(Schema::Customers, Some("mer"), &a).unwrap();
        let fields = c.fields();
        assert!(fields.contains(&"name") && fields.contains(&"uf") && fields.contains(&"risk"), "{c}");
        assert!(!fields.contains(&"productgroup"), "customers ignore product fields: {c}");
        let p = candidate_filter(Schema::Products, None, &a).unwrap();
        assert_eq!(p.fields(), vec!["productgroup"]);
        let since = Advanced { bought_since: "2026-01-01".into(), ..Default::default() };
        let c = candidate_filter(Schema::Customers, None, &since).unwrap();
        // The same expression the ERP evaluates: a record bought later matches.
        assert!(c.matches(&serde_json::json!({"lastpurchase": "2026-03-01"})));
        assert!(!c.matches(&serde_json::json!({"lastpurchase": "2025-12-31"})));
        assert_eq!(candidate_filter(Schema::Prospects, None, &Advanced::default()), None);
    }

    #[test]
    fn word_search_folds_accents() {
        assert!(matches_words("cafe 500", ["CAFÉ TORRADO 500G", "P00001"]));
        assert!(matches_words("p0000", ["CAFÉ", "P00001"]));
        assert!(!matches_words("cha", ["CAFÉ", "P00001"]));
        assert!(matches_words("", ["x"]));
    }
}
