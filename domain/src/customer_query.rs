//! What the rep asks of the customer list: quick search, filters and sort. The same query
//! becomes a `FILTER`/`SORT` for the server online and runs over IndexedDB rows offline, so
//! both modes find the same customers.

use serde::{Deserialize, Serialize};

use crate::contract::Customer;
use crate::filter::Expr;
use crate::text::{digits, fold};

/// Which customers by blocking status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum StatusFilter {
    #[default]
    All,
    Active,
    Blocked,
}

/// The sort orders offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum CustomerSort {
    #[default]
    Name,
    Code,
    City,
}

/// The customer list's query.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerQuery {
    /// Name, trade name, code or CNPJ/CPF fragment.
    pub search: String,
    /// Exact state, e.g. `SP`; empty for all.
    pub uf: String,
    /// City fragment; empty for all.
    pub city: String,
    pub status: StatusFilter,
    pub sort: CustomerSort,
}

impl CustomerQuery {
    /// The contract `FILTER` for this query, or `None` for everything.
    pub fn to_filter(&self) -> Option<Expr> {
        let mut parts = Vec::new();
        let search = self.search.trim();
        if !search.is_empty() {
            let mut any = vec![
                Expr::contains("name", search),
                Expr::contains("fantasy", search),
                Expr::starts_with("code", search),
            ];
            let d = digits(search);
            // Only a search that is mostly digits is a tax-id fragment.
            if d.len() >= 3 && d.len() * 2 >= search.chars().filter(|c| !c.is_whitespace()).count() {
                any.push(Expr::contains("cgc", &d));
            }
            parts.extend(Expr::any(any));
        }
        if !self.uf.trim().is_empty() {
            parts.push(Expr::eq("uf", self.uf.trim().to_uppercase().as_str()));
        }
        if !self.city.trim().is_empty() {
            parts.push(Expr::contains("city", self.city.trim()));
        }
        match self.status {
            StatusFilter::All => {}
            StatusFilter::Active => parts.push(Expr::eq("status", "2")),
            StatusFilter::Blocked => parts.push(Expr::eq("status", "1")),
        }
        Expr::all(parts)
    }

    /// The contract `SORT` parameter.
    pub fn sort_param(&self) -> &'static str {
        match self.sort {
            CustomerSort::Name => "name,code,store",
            CustomerSort::Code => "code,store",
            CustomerSort::City => "city,name",
        }
    }

    /// Offline: does this customer answer the query?
    pub fn matches(&self, customer: &Customer) -> bool {
        match self.to_filter() {
            None => true,
            Some(f) => f.matches(&serde_json::to_value(customer).unwrap_or_default()),
        }
    }

    /// Offline: filters and sorts stored customers as the server would.
    pub fn apply(&self, customers: Vec<Customer>) -> Vec<Customer> {
        let filter = self.to_filter();
        let mut out: Vec<Customer> = customers
            .into_iter()
            .filter(|c| c.deleted != Some(true))
            .filter(|c| match &filter {
                None => true,
                Some(f) => f.matches(&serde_json::to_value(c).unwrap_or_default()),
            })
            .collect();
        match self.sort {
            CustomerSort::Name => out.sort_by_cached_key(|c| (fold(&c.name), c.code.clone(), c.store.clone())),
            CustomerSort::Code => out.sort_by(|a, b| (&a.code, &a.store).cmp(&(&b.code, &b.store))),
            CustomerSort::City => out.sort_by_cached_key(|c| (fold(&c.city), fold(&c.name))),
        }
        out
    }
}

/// Where the customer list reads from, decided from connectivity alone: the server when
/// online (its answer is also saved on the device), the device when offline or when the
/// server does not answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListSource {
    Server,
    Device,
}

impl ListSource {
    pub fn choose(online: bool) -> ListSource {
        if online {
            ListSource::Server
        } else {
            ListSource::Device
        }
    }
}

/// One page (1-based) of an already filtered list, and whether more follow.
pub fn page_of<T>(items: Vec<T>, page: usize, page_size: usize) -> (Vec<T>, bool) {
    let size = page_size.max(1);
    let start = (page.max(1) - 1) * size;
    let has_next = items.len() > start + size;
    (items.into_iter().skip(start).take(size).collect(), has_next)
}

/// The 27 federative units, for the state filter.
pub const STATES: [&str; 27] = [
    "AC", "AL", "AM", "AP", "BA", "CE", "DF", "ES", "GO", "MA", "MG", "MS", "MT", "PA", "PB", "PE", "PI", "PR", "RJ",
    "RN", "RO", "RR", "RS", "SC", "SE", "SP", "TO",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn customer(code: &str, name: &str, uf: &str, city: &str, status: &str, cgc: &str) -> Customer {
        Customer {
            id: format!("  {code}01"),
            code: code.into(),
            store: "01".into(),
            name: name.into(),
            uf: uf.into(),
            city: city.into(),
            status: status.into(),
            tax_id: cgc.into(),
            ..Default::default()
        }
    }

    fn sample() -> Vec<Customer> {
        vec![
            customer("000003", "Padaria São José", "SP", "Campinas", "2", "11222333000181"),
            customer("000001", "Açougue Bom Preço", "MG", "Belo Horizonte", "1", "52998224725"),
            customer("000002", "Mercado Central", "SP", "São Paulo", "2", "60701190000104"),
        ]
    }

    #[test]
    fn empty_query_keeps_all_sorted_by_name() {
        let q = CustomerQuery::default();
        assert_eq!(q.to_filter(), None);
        let names: Vec<_> = q.apply(sample()).into_iter().map(|c| c.code).collect();
        assert_eq!(names, ["000001", "000002", "000003"]);
    }

    #[test]
    fn search_ignores_accents_and_matches_tax_id_digits() {
        let q = CustomerQuery { search: "sao jose".into(), ..Default::default() };
        assert_eq!(q.apply(sample()).len(), 1);
        let q = CustomerQuery { search: "529.982".into(), ..Default::default() };
        let found = q.apply(sample());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, "000001");
        let q = CustomerQuery { search: "00000".into(), ..Default::default() };
        assert_eq!(q.apply(sample()).len(), 3, "code prefix");
    }

    #[test]
    fn filters_combine_and_match_the_server_filter_text() {
        let q =
            CustomerQuery { uf: "sp".into(), city: "paulo".into(), status: StatusFilter::Active, ..Default::default() };
        assert_eq!(q.to_filter().unwrap().to_string(), "(uf eq 'SP' and contains(city,'paulo') and status eq '2')");
        let found = q.apply(sample());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, "000002");
        let blocked = CustomerQuery { status: StatusFilter::Blocked, ..Default::default() };
        assert_eq!(blocked.apply(sample())[0].code, "000001");
    }

    #[test]
    fn tombstones_never_show() {
        let mut rows = sample();
        rows[0].deleted = Some(true);
        assert_eq!(CustomerQuery::default().apply(rows).len(), 2);
    }

    #[test]
    fn pages_of_a_local_list() {
        let v: Vec<u32> = (1..=25).collect();
        assert_eq!(page_of(v.clone(), 1, 10), ((1..=10).collect(), true));
        assert_eq!(page_of(v.clone(), 3, 10), ((21..=25).collect(), false));
        assert_eq!(page_of(v.clone(), 4, 10), (vec![], false));
        assert_eq!(page_of(v, 0, 0).0, vec![1], "bad input is clamped, not a panic");
        assert_eq!(ListSource::choose(false), ListSource::Device);
        assert_eq!(ListSource::choose(true), ListSource::Server);
    }
}
