//! Offline product search over the device's copy of today's products: the text is folded
//! once when the copy is loaded, so each keystroke is one pass of substring checks (with
//! one searcher per word, not one per product), and a search that only adds to the last
//! one (the rep typing on) looks only among the last one's hits.
//!
//! ```
//! use mascate_domain::contract::Product;
//! use mascate_domain::product_search::{ProductIndex, ProductFilter};
//! let index = ProductIndex::new(vec![
//!     Product { code: "P1".into(), description: "CAFÉ 500G".into(), ..Default::default() },
//!     Product { code: "P2".into(), description: "AÇÚCAR 1KG".into(), ..Default::default() },
//! ]);
//! let hits = index.search(&ProductFilter { search: "acucar".into(), ..Default::default() });
//! assert_eq!(hits[0].code, "P2");
//! ```

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use memchr::memmem::Finder;

use crate::contract::{PriceListItem, Product, Stock};
use crate::text::fold;

/// What the rep asks for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProductFilter {
    /// Words that must all appear in the code or the description.
    pub search: String,
    /// Group code, or empty for any.
    pub group: String,
    /// Type, or empty for any.
    pub kind: String,
    /// Only products with stock in their standard warehouse.
    pub in_stock: bool,
}

/// Today's products, ready to search.
#[derive(Debug, Clone, Default)]
pub struct ProductIndex {
    products: Vec<Product>,
    folded: Vec<String>,
    with_stock: HashSet<String>,
    groups: Vec<(String, String)>,
    /// The last search: its filter (words folded) and the positions it found.
    last: RefCell<Option<(ProductFilter, Vec<u32>)>>,
}

impl ProductIndex {
    /// Indexes `products`, sorted as the ERP sorts its list (description, then code).
    pub fn new(mut products: Vec<Product>) -> ProductIndex {
        products.sort_by(|a, b| (&a.description, &a.code).cmp(&(&b.description, &b.code)));
        let folded = products.iter().map(|p| fold(&format!("{} {}", p.code, p.description))).collect();
        let mut groups: Vec<(String, String)> =
            products.iter().map(|p| (p.group.clone(), p.group_name.clone())).collect();
        groups.sort();
        groups.dedup();
        ProductIndex { products, folded, with_stock: HashSet::new(), groups, last: RefCell::new(None) }
    }

    /// Adds what the stock table says: a product is in stock when its standard warehouse
    /// has a positive available quantity.
    pub fn with_stock(mut self, stock: &[Stock]) -> ProductIndex {
        let standard: HashMap<&str, &str> =
            self.products.iter().map(|p| (p.code.as_str(), p.standard_warehouse.as_str())).collect();
        self.with_stock = stock
            .iter()
            .filter(|s| s.available > 0.0 && standard.get(s.code.as_str()) == Some(&s.warehouse.as_str()))
            .map(|s| s.code.clone())
            .collect();
        self
    }

    pub fn len(&self) -> usize {
        self.products.len()
    }

    pub fn is_empty(&self) -> bool {
        self.products.is_empty()
    }

    /// The matching products, in order.
    pub fn search(&self, f: &ProductFilter) -> Vec<&Product> {
        let search = fold(&f.search);
        let finders: Vec<Finder<'static>> = search.split_whitespace().map(|w| Finder::new(w).into_owned()).collect();
        let matches = |i: usize| {
            let p = &self.products[i];
            finders.iter().all(|w| w.find(self.folded[i].as_bytes()).is_some())
                && (f.group.is_empty() || p.group == f.group)
                && (f.kind.is_empty() || p.kind == f.kind)
                && (!f.in_stock || self.with_stock.contains(&p.code))
        };
        let this = ProductFilter { search, ..f.clone() };
        // Every word of the last search is inside a word of this one (same other filters):
        // this one's hits are among the last one's.
        let narrower = |last: &ProductFilter| {
            ProductFilter { search: this.search.clone(), ..last.clone() } == this
                && last.search.split_whitespace().all(|w| this.search.split_whitespace().any(|t| t.contains(w)))
        };
        let hits: Vec<u32> = match self.last.borrow().as_ref() {
            Some((last, hits)) if narrower(last) => hits.iter().copied().filter(|i| matches(*i as usize)).collect(),
            _ => (0..self.products.len() as u32).filter(|i| matches(*i as usize)).collect(),
        };
        let found = hits.iter().map(|i| &self.products[*i as usize]).collect();
        *self.last.borrow_mut() = Some((this, hits));
        found
    }

    /// The groups present, `(code, name)`, sorted.
    pub fn groups(&self) -> Vec<(String, String)> {
        self.groups.clone()
    }
}

/// The sales price of each product in `list`, from the stored price-list items.
pub fn list_prices(items: &[PriceListItem], list: &str) -> HashMap<String, f64> {
    items.iter().filter(|i| i.price_list == list).map(|i| (i.product.clone(), i.price)).collect()
}

/// `product` priced by `prices` (its list price when the list has it, else unchanged).
pub fn priced(product: &Product, prices: &HashMap<String, f64>) -> Product {
    let mut p = product.clone();
    if let Some(price) = prices.get(&p.code) {
        p.price = *price;
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(code: &str, description: &str, group: &str) -> Product {
        Product {
            code: code.into(),
            description: description.into(),
            group: group.into(),
            kind: "ME".into(),
            standard_warehouse: "01".into(),
            price: 10.0,
            ..Default::default()
        }
    }

    #[test]
    fn every_word_must_match_code_or_description() {
        let index = ProductIndex::new(vec![
            product("P00002", "REFRIGERANTE LARANJA 2L", "0001"),
            product("P00001", "REFRIGERANTE COLA 2L", "0001"),
            product("P00100", "CAFÉ TORRADO 500G", "0002"),
        ]);
        let codes = |f: &ProductFilter| index.search(f).iter().map(|p| p.code.clone()).collect::<Vec<_>>();
        assert_eq!(codes(&ProductFilter { search: "refri 2l".into(), ..Default::default() }), ["P00001", "P00002"]);
        assert_eq!(codes(&ProductFilter { search: "cafe".into(), ..Default::default() }), ["P00100"]);
        assert_eq!(codes(&ProductFilter { search: "p0010".into(), ..Default::default() }), ["P00100"]);
        assert_eq!(codes(&ProductFilter { group: "0002".into(), ..Default::default() }), ["P00100"]);
        assert!(codes(&ProductFilter { kind: "PA".into(), ..Default::default() }).is_empty());
        assert_eq!(index.groups().len(), 2);
    }

    #[test]
    fn typing_on_finds_what_a_fresh_search_finds() {
        let index = ProductIndex::new(vec![
            product("P1", "CAFÉ TORRADO 500G", "1"),
            product("P2", "CAFÉ SOLÚVEL 200G", "1"),
            product("P3", "CHÁ MATE", "2"),
            product("P4", "CACAU EM PÓ", "2"),
        ]);
        let fresh = ProductIndex::new(index.products.clone());
        let q = |s: &str, group: &str| ProductFilter { search: s.into(), group: group.into(), ..Default::default() };
        for (s, g) in
            [("c", ""), ("ca", ""), ("caf", ""), ("caf 5", ""), ("ca", ""), ("c", "2"), ("ch", "2"), ("c", "")]
        {
            let codes = |i: &ProductIndex| i.search(&q(s, g)).iter().map(|p| p.code.clone()).collect::<Vec<_>>();
            let fresh_codes = codes(&fresh);
            *fresh.last.borrow_mut() = None;
            assert_eq!(codes(&index), fresh_codes, "{s:?} in group {g:?}");
        }
    }

    #[test]
    fn stock_counts_only_the_standard_warehouse() {
        let stock = |code: &str, wh: &str, q: f64| Stock {
            code: code.into(),
            warehouse: wh.into(),
            available: q,
            ..Default::default()
        };
        let index = ProductIndex::new(vec![product("A", "A", "1"), product("B", "B", "1"), product("C", "C", "1")])
            .with_stock(&[stock("A", "01", 5.0), stock("B", "02", 5.0), stock("C", "01", 0.0)]);
        let hits = index.search(&ProductFilter { in_stock: true, ..Default::default() });
        assert_eq!(hits.iter().map(|p| p.code.as_str()).collect::<Vec<_>>(), ["A"]);
    }

    #[test]
    fn list_prices_replace_the_base_price() {
        let items = vec![
            PriceListItem { price_list: "001".into(), product: "A".into(), price: 7.5, ..Default::default() },
            PriceListItem { price_list: "002".into(), product: "A".into(), price: 9.0, ..Default::default() },
        ];
        let prices = list_prices(&items, "001");
        assert_eq!(priced(&product("A", "A", "1"), &prices).price, 7.5);
        assert_eq!(priced(&product("B", "B", "1"), &prices).price, 10.0, "not in the list: base price");
    }
}
