//! Tables read by more than one layer: the customer table is listed by the routes and
//! written by the fixtures' seeding, so its columns live below both.
//!
//! Customers are read through `customers_view`, which adds the owning seller's name
//! (`sellername`, a Mascate extension) to the stored columns; they are written to
//! `customers` ([`CUSTOMER_TABLE`]), every column but the derived ones.

use crate::listing::{Entity, Kind};

use Kind::{Flag, Number, Text};

/// Where customers are stored (the entity reads the view over it).
pub const CUSTOMER_TABLE: &str = "customers";

/// Columns of [`CUSTOMER`] that are derived, never written: the generated key and the
/// seller's name.
pub const CUSTOMER_DERIVED: [&str; 2] = ["id", "sellername"];

/// The customers, columns named as the contract's properties.
pub static CUSTOMER: Entity = Entity {
    table: "customers_view",
    columns: &[
        ("id", Text),
        ("branch", Text),
        ("code", Text),
        ("store", Text),
        ("name", Text),
        ("fantasy", Text),
        ("municipalregistration", Text),
        ("estadualregistration", Text),
        ("customertype", Text),
        ("persontype", Text),
        ("cgc", Text),
        ("paymentconditioninternalid", Text),
        ("paymentconditions", Text),
        ("pricelistinternalid", Text),
        ("pricelist", Text),
        ("cnae", Text),
        ("vendor", Text),
        ("citycode", Text),
        ("city", Text),
        ("neighborhood", Text),
        ("address", Text),
        ("addresscomplement", Text),
        ("zipcode", Text),
        ("uf", Text),
        ("ufdescription", Text),
        ("ddi", Text),
        ("ddd", Text),
        ("phone", Text),
        ("email", Text),
        ("country", Text),
        ("countrydescription", Text),
        ("contact", Text),
        ("risk", Text),
        ("creditlimit", Number),
        ("lastpurchase", Text),
        ("inclusiondate", Text),
        ("status", Text),
        ("freighttype", Text),
        ("carrier", Text),
        ("carrierinternalid", Text),
        ("sellername", Text),
        ("deleted", Flag),
    ],
    fixed: &["id"],
    default_order: "code, store",
    virtuals: &[],
};
