//! Offline customer search, prepared once: the fields a [`CustomerQuery`] reads are folded
//! when the device's copy is loaded and the three sort orders are computed then, so a
//! keystroke is one pass of substring checks with no allocation per customer. It keeps only
//! what the query reads and each customer's key (a tablet with 100,000 customers holds a
//! few dozen bytes per customer, not the whole record); the page shown is read back by key.
//!
//! It answers exactly what [`CustomerQuery::apply`] (the server's `FILTER` evaluated on a
//! record) answers, in the same order; the tests check the two side by side.
//!
//! ```
//! use mascate_domain::contract::Customer;
//! use mascate_domain::customer_query::CustomerQuery;
//! use mascate_domain::customer_search::CustomerIndex;
//! use mascate_domain::customer_search::CustomerFields;
//! let index = CustomerIndex::new([
//!     Customer { id: "1".into(), code: "000001".into(), name: "PADARIA SÃO JOSÉ".into(), ..Default::default() },
//!     Customer { id: "2".into(), code: "000002".into(), name: "MERCADO CENTRAL".into(), ..Default::default() },
//! ].into_iter().map(CustomerFields::from));
//! let q = CustomerQuery { search: "sao jose".into(), ..Default::default() };
//! assert_eq!(index.search(&q), ["1"]);
//! ```

use crate::contract::Customer;
use crate::customer_query::{CustomerQuery, CustomerSort, StatusFilter};
use crate::text::{digits, fold};

/// What the search reads of a customer (the contract's property in each comment).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CustomerFields {
    /// `id`, the stored row's key.
    pub id: String,
    pub code: String,
    pub store: String,
    pub name: String,
    /// `fantasy`.
    pub trade_name: String,
    /// `cgc`.
    pub tax_id: String,
    pub city: String,
    pub uf: String,
    pub status: String,
    pub deleted: bool,
}

impl From<Customer> for CustomerFields {
    fn from(c: Customer) -> Self {
        CustomerFields {
            id: c.id,
            code: c.code,
            store: c.store,
            name: c.name,
            trade_name: c.trade_name,
            tax_id: c.tax_id,
            city: c.city,
            uf: c.uf,
            status: c.status,
            deleted: c.deleted == Some(true),
        }
    }
}

/// What one customer contributes to the search.
#[derive(Debug, Clone, Default)]
struct Entry {
    /// The stored row's key (the contract's opaque `id`).
    id: String,
    code: String,
    store: String,
    /// The code folded, for "starts with".
    code_key: String,
    name: String,
    trade_name: String,
    tax_id: String,
    city: String,
    /// As the ERP has them, without trailing blanks (compared exactly).
    uf: String,
    status: String,
}

/// Today's customers, ready to search.
#[derive(Debug, Clone, Default)]
pub struct CustomerIndex {
    entries: Vec<Entry>,
    by_name: Vec<u32>,
    by_code: Vec<u32>,
    by_city: Vec<u32>,
}

impl CustomerIndex {
    /// Indexes `customers`; tombstones are left out.
    pub fn new(customers: impl IntoIterator<Item = CustomerFields>) -> CustomerIndex {
        let entries: Vec<Entry> = customers
            .into_iter()
            .filter(|c| !c.deleted)
            .map(|c| Entry {
                code_key: fold(&c.code),
                name: fold(&c.name),
                trade_name: fold(&c.trade_name),
                tax_id: fold(&c.tax_id),
                city: fold(&c.city),
                uf: c.uf.trim_end().to_string(),
                status: c.status.trim_end().to_string(),
                id: c.id,
                code: c.code,
                store: c.store,
            })
            .collect();
        let order = |key: &dyn Fn(&Entry, &Entry) -> std::cmp::Ordering| {
            let mut o: Vec<u32> = (0..entries.len() as u32).collect();
            o.sort_by(|a, b| key(&entries[*a as usize], &entries[*b as usize]));
            o
        };
        let by_name = order(&|a, b| (&a.name, &a.code, &a.store).cmp(&(&b.name, &b.code, &b.store)));
        let by_code = order(&|a, b| (&a.code, &a.store).cmp(&(&b.code, &b.store)));
        let by_city = order(&|a, b| (&a.city, &a.name).cmp(&(&b.city, &b.name)));
        CustomerIndex { entries, by_name, by_code, by_city }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The keys of the customers answering `q`, in its order.
    pub fn search(&self, q: &CustomerQuery) -> Vec<&str> {
        let search = q.search.trim();
        let words = fold(search);
        let tax = digits(search);
        // The same rule as the server filter: only a search that is mostly digits is a
        // tax-id fragment.
        let by_tax = tax.len() >= 3 && tax.len() * 2 >= search.chars().filter(|c| !c.is_whitespace()).count();
        let uf = q.uf.trim().to_uppercase();
        let city = fold(q.city.trim());
        let status = match q.status {
            StatusFilter::All => None,
            StatusFilter::Active => Some("2"),
            StatusFilter::Blocked => Some("1"),
        };
        let matches = |e: &Entry| {
            (search.is_empty()
                || e.name.contains(&words)
                || e.trade_name.contains(&words)
                || e.code_key.starts_with(&words)
                || (by_tax && e.tax_id.contains(&tax)))
                && (uf.is_empty() || e.uf == uf.trim_end())
                && (city.is_empty() || e.city.contains(&city))
                && status.is_none_or(|s| e.status == s)
        };
        let order = match q.sort {
            CustomerSort::Name => &self.by_name,
            CustomerSort::Code => &self.by_code,
            CustomerSort::City => &self.by_city,
        };
        order.iter().map(|i| &self.entries[*i as usize]).filter(|e| matches(e)).map(|e| e.id.as_str()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixtures() -> Vec<Customer> {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/customers.json")).unwrap();
        let mut all: Vec<Customer> = serde_json::from_str(&text).unwrap();
        for (i, c) in all.iter_mut().enumerate() {
            c.id = format!("id{i}");
            // Some tombstones, some trailing blanks as the ERP pads them.
            if i % 17 == 0 {
                c.deleted = Some(true);
            }
            if i % 5 == 0 {
                c.uf.push(' ');
            }
        }
        all
    }

    #[test]
    fn answers_exactly_what_the_filter_answers_in_the_same_order() {
        let customers = fixtures();
        let index = CustomerIndex::new(customers.iter().cloned().map(CustomerFields::from));
        let searches = ["", "a", "mer", "são", "sao", "PADARIA", "0000", "000012", "123", "11.222", "ltda me", "xyz"];
        let mut checked = 0;
        for search in searches {
            for (uf, city) in [("", ""), ("sp", ""), ("", "paulo"), ("MG", "belo")] {
                for status in [StatusFilter::All, StatusFilter::Active, StatusFilter::Blocked] {
                    for sort in [CustomerSort::Name, CustomerSort::Code, CustomerSort::City] {
                        let q = CustomerQuery { search: search.into(), uf: uf.into(), city: city.into(), status, sort };
                        let want: Vec<String> = q.apply(customers.clone()).into_iter().map(|c| c.id).collect();
                        assert_eq!(index.search(&q), want, "{q:?}");
                        checked += want.len();
                    }
                }
            }
        }
        assert!(checked > 3_000, "the queries found something ({checked})");
        assert_eq!(index.len(), customers.iter().filter(|c| c.deleted != Some(true)).count());
    }
}
