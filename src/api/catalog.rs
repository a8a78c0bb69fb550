//! Products, stock, price lists, payment conditions, carriers, operation types and
//! prospects (§5–7).

use mascate_domain::contract::{
    Carrier, ListEnvelope, OperationType, PaymentCondition, PriceList, Product, Prospect, Stock,
};
use mascate_domain::filter::Expr;

use super::{encode, Api, ApiError};

/// What the products page asks for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProductQuery {
    pub search: String,
    pub group: String,
    pub kind: String,
    /// Only products with stock in their standard warehouse.
    pub in_stock: bool,
    /// Price for this (list, customer, store); `None` shows base prices.
    pub priced_for: Option<(String, String, String)>,
    /// With `priced_for`: only products of that list (`FILTERPRICELIST`).
    pub only_price_list: bool,
}

impl ProductQuery {
    fn filter(&self) -> Option<Expr> {
        let mut parts = Vec::new();
        let s = self.search.trim();
        if !s.is_empty() {
            parts.extend(Expr::any(vec![Expr::contains("description", s), Expr::starts_with("code", s)]));
        }
        if !self.group.is_empty() {
            parts.push(Expr::eq("productgroup", self.group.as_str()));
        }
        if !self.kind.is_empty() {
            parts.push(Expr::eq("type", self.kind.as_str()));
        }
        Expr::all(parts)
    }
}

impl Api {
    /// One page of products. A FILTER that matches nothing is the ERP's 404: read as empty.
    pub async fn products(
        &self,
        q: &ProductQuery,
        page: usize,
        size: usize,
    ) -> Result<ListEnvelope<Product>, ApiError> {
        let mut params =
            vec![("page", page.to_string()), ("pageSize", size.to_string()), ("SORT", "description,code".into())];
        if let Some(f) = q.filter() {
            params.push(("FILTER", f.to_string()));
        }
        let path = match &q.priced_for {
            Some((list, customer, store)) => {
                if q.only_price_list {
                    params.push(("FILTERPRICELIST", "true".into()));
                }
                format!("/api/tgv/products/{}/{}/{}", encode(list), encode(customer), encode(store))
            }
            None => {
                if q.in_stock {
                    params.push(("QUICKFILTER", "HASSTOCK".into()));
                }
                "/api/tgv/products/".to_string()
            }
        };
        match self.get_json(&path, &params).await {
            Err(ApiError::Server { status: 404, .. }) => {
                Ok(ListEnvelope { items: vec![], has_next: false, po_sync_date: None })
            }
            other => other,
        }
    }

    /// A product's stock per warehouse.
    pub async fn stock(&self, product: &str) -> Result<Vec<Stock>, ApiError> {
        let list: ListEnvelope<Stock> =
            self.get_json(&format!("/api/tgv/productBalance/{}", encode(product)), &[]).await?;
        Ok(list.items)
    }

    pub async fn price_lists(&self) -> Result<Vec<PriceList>, ApiError> {
        self.all("/api/tgv/priceList/").await
    }

    pub async fn payment_conditions(&self) -> Result<Vec<PaymentCondition>, ApiError> {
        self.all("/api/tgv/paymentconditions/").await
    }

    pub async fn carriers(&self) -> Result<Vec<Carrier>, ApiError> {
        self.all("/api/tgv/carriers/").await
    }

    pub async fn operation_types(&self) -> Result<Vec<OperationType>, ApiError> {
        let list: ListEnvelope<OperationType> = self.get_json("/api/tgv/typesofoperation/", &[]).await?;
        Ok(list.items)
    }

    /// The product groups, `(code, name)`, from the stand-in's reference list
    /// (`/api/tgv/productgroups`, beyond the contract). A Protheus without it answers 404:
    /// then only the two group columns of the products are read.
    pub async fn product_groups(&self) -> Result<Vec<(String, String)>, ApiError> {
        #[derive(serde::Deserialize)]
        struct Group {
            #[serde(default, alias = "productgroup")]
            code: String,
            #[serde(default, alias = "groupdescription")]
            description: String,
        }
        let list: ListEnvelope<Group> = match self.get_json("/api/tgv/productgroups", &[]).await {
            Err(ApiError::Server { status: 404, .. }) => {
                let fields = [("pageSize", "1000".to_string()), ("FIELDS", "productgroup,groupdescription".into())];
                self.get_json("/api/tgv/products/", &fields).await?
            }
            other => other?,
        };
        let mut groups: Vec<(String, String)> = list.items.into_iter().map(|g| (g.code, g.description)).collect();
        groups.sort();
        groups.dedup();
        Ok(groups)
    }

    /// The seller's prospects matching `search` (name, trade name or code).
    pub async fn prospects(&self, search: &str) -> Result<Vec<Prospect>, ApiError> {
        let mut params = vec![("pageSize", "50".to_string()), ("SORT", "name".into())];
        let s = search.trim();
        if let Some(f) =
            Expr::any(vec![Expr::contains("name", s), Expr::contains("fantasy", s), Expr::starts_with("code", s)])
                .filter(|_| !s.is_empty())
        {
            params.push(("FILTER", f.to_string()));
        }
        let list: ListEnvelope<Prospect> = self.get_json("/api/tgv/prospects/", &params).await?;
        Ok(list.items)
    }

    /// Every page of a small reference list.
    async fn all<T: serde::de::DeserializeOwned>(&self, path: &str) -> Result<Vec<T>, ApiError> {
        let mut out = Vec::new();
        for page in 1..=20 {
            let list: ListEnvelope<T> =
                self.get_json(path, &[("page", page.to_string()), ("pageSize", "500".into())]).await?;
            out.extend(list.items);
            if !list.has_next {
                break;
            }
        }
        Ok(out)
    }

    /// Registers a prospect; returns its (code, store).
    pub async fn create_prospect(
        &self,
        p: &mascate_domain::prospect::NewProspect,
    ) -> Result<(String, String), ApiError> {
        let body = serde_json::to_value(p).map_err(|e| ApiError::Malformed(e.to_string()))?;
        let v: serde_json::Value = self.send_json(gloo_net::http::Method::POST, "/api/tgv/prospects/", &body).await?;
        let item = &v["items"][0];
        Ok((item["code"].as_str().unwrap_or_default().into(), item["store"].as_str().unwrap_or_default().into()))
    }
}
