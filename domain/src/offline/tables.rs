//! The tables the device keeps for offline use, where the ERP serves each, and how each is
//! pulled: in full, or its diff since the last complete pull.

/// How a stored row is keyed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// One property.
    Field(&'static str),
    /// Several properties, as an array key (stock: product and warehouse).
    Fields(&'static [&'static str]),
}

/// A table the device keeps, and where the ERP serves it (§1.5–§7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    /// The IndexedDB store.
    pub store: &'static str,
    /// The full load (paged).
    pub full: &'static str,
    /// The diff, to which `/<po_sync_date>` is appended; `None`: reloaded in full.
    pub diff: Option<&'static str>,
    pub key: Key,
    /// Only today's selection comes back (so it is emptied before a full load).
    pub selected: bool,
    /// A Mascate extension a real Protheus may not serve: a 404 leaves it empty instead of
    /// failing the download.
    pub optional: bool,
}

/// Every table primed for offline use, in download order: what the rep chose first, then
/// what depends on it, then the reference lists.
pub const TABLES: [Table; 14] = [
    Table {
        store: "customers",
        full: "/api/tgv/customers/sync",
        diff: Some("/api/tgv/customers/sync/diff"),
        key: Key::Field("id"),
        selected: true,
        optional: false,
    },
    Table {
        store: "contacts",
        full: "/api/tgv/contacts/sync",
        diff: Some("/api/tgv/contacts/sync/diff"),
        key: Key::Field("internalid"),
        selected: true,
        optional: false,
    },
    Table {
        store: "last_purchases",
        full: "/api/mascate/v1/lastpurchases/sync",
        diff: Some("/api/mascate/v1/lastpurchases/sync/diff"),
        key: Key::Field("internalid"),
        selected: true,
        optional: true,
    },
    Table {
        store: "prospects",
        full: "/api/tgv/prospects/sync",
        diff: Some("/api/tgv/prospects/sync/diff"),
        key: Key::Field("internalid"),
        selected: true,
        optional: false,
    },
    Table {
        store: "products",
        full: "/api/tgv/products/sync",
        diff: Some("/api/tgv/products/sync/diff"),
        key: Key::Field("internalid"),
        selected: true,
        optional: false,
    },
    Table {
        store: "price_list_items",
        full: "/api/tgv/priceList/items",
        diff: Some("/api/tgv/priceList/items/diff"),
        key: Key::Field("internalid"),
        selected: true,
        optional: false,
    },
    Table {
        store: "price_lists",
        full: "/api/tgv/priceList",
        diff: Some("/api/tgv/priceList/diff"),
        key: Key::Field("internalid"),
        selected: false,
        optional: false,
    },
    Table {
        store: "payment_conditions",
        full: "/api/tgv/paymentconditions",
        diff: Some("/api/tgv/paymentconditions/diff"),
        key: Key::Field("internalid"),
        selected: false,
        optional: false,
    },
    Table {
        store: "carriers",
        full: "/api/tgv/carriers",
        diff: Some("/api/tgv/carriers/diff"),
        key: Key::Field("internalid"),
        selected: false,
        optional: false,
    },
    Table {
        store: "stock",
        full: "/api/tgv/productBalance",
        diff: Some("/api/tgv/productBalance/diff"),
        key: Key::Fields(&["code", "warehouse"]),
        selected: false,
        optional: false,
    },
    Table {
        store: "operation_types",
        full: "/api/tgv/typesofoperation",
        diff: None,
        key: Key::Field("operationtypeid"),
        selected: false,
        optional: false,
    },
    // The rep's own work (Mascate extensions): every task, note and visit of the seller's,
    // not only the selected customers'.
    Table {
        store: "tasks",
        full: "/api/mascate/v1/tasks/sync",
        diff: Some("/api/mascate/v1/tasks/sync/diff"),
        key: Key::Field("internalid"),
        selected: false,
        optional: true,
    },
    Table {
        store: "task_notes",
        full: "/api/mascate/v1/tasknotes/sync",
        diff: Some("/api/mascate/v1/tasknotes/sync/diff"),
        key: Key::Field("internalid"),
        selected: false,
        optional: true,
    },
    Table {
        store: "visits",
        full: "/api/mascate/v1/visits/sync",
        diff: Some("/api/mascate/v1/visits/sync/diff"),
        key: Key::Field("internalid"),
        selected: false,
        optional: true,
    },
];

/// The page size of downloads: twice the `pageSize` the schemas advertise (500), as large as
/// the stand-in serves, so a download makes half the requests and transactions. A server
/// that pages smaller still hands over every row: page n is always the n-th page of its own
/// size, and `hasNext` follows that size.
pub const PAGE_SIZE: usize = 1000;

/// Where to pull `table` from: its diff after `checkpoint` (the `po_sync_date` of its last
/// complete pull, see `docs/sync.md`), or the full load when there is none.
pub fn pull_path(table: &Table, checkpoint: Option<&str>) -> String {
    match (table.diff, checkpoint.filter(|c| !c.is_empty())) {
        (Some(diff), Some(c)) => format!("{diff}/{c}"),
        _ => table.full.to_string(),
    }
}

/// The meta key holding a table's checkpoint.
pub fn checkpoint_key(table: &Table) -> String {
    format!("checkpoint:{}", table.store)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pulls_diff_from_the_checkpoint_or_load_in_full() {
        let customers = &TABLES[0];
        assert_eq!(pull_path(customers, None), "/api/tgv/customers/sync");
        assert_eq!(pull_path(customers, Some("")), "/api/tgv/customers/sync");
        assert_eq!(
            pull_path(customers, Some("2026-11-25T10:00:00.000Z")),
            "/api/tgv/customers/sync/diff/2026-11-25T10:00:00.000Z"
        );
        let ops = TABLES.iter().find(|t| t.store == "operation_types").unwrap();
        assert_eq!(pull_path(ops, Some("2026-11-25T10:00:00.000Z")), "/api/tgv/typesofoperation");
        let stores: std::collections::HashSet<_> = TABLES.iter().map(|t| t.store).collect();
        assert_eq!(stores.len(), TABLES.len(), "one table per store");
    }
}
