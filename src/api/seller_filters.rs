//! Seller filters (§3.2): the Offline Configurator's selections, one per schema and day,
//! and the raw pages of the sync endpoints that priming stores as they come.

use gloo_net::http::Method;
use mascate_domain::contract::{ListEnvelope, SellerFilterBody, SellerFilterHeader, SellerFilterItem};
use mascate_domain::download_size::{proposal_body, DownloadEstimate};
use mascate_domain::offline::{filter_changes, Schema};
use wasm_bindgen::JsCast;

use super::{encode, Api, ApiError};

/// One page of a sync endpoint, left as JavaScript objects: they go to IndexedDB as they
/// came, with no round trip through Rust types.
pub struct RawPage {
    pub items: js_sys::Array,
    pub has_next: bool,
    pub po_sync_date: Option<String>,
}

impl RawPage {
    /// The last page of a table the ERP does not serve.
    pub fn empty() -> RawPage {
        RawPage { items: js_sys::Array::new(), has_next: false, po_sync_date: None }
    }
}

impl Api {
    /// The seller's filter headers and the server's clock (`po_sync_date`).
    pub async fn seller_filters(&self) -> Result<ListEnvelope<SellerFilterHeader>, ApiError> {
        self.get_json("/api/pgv/sellerfilters/", &[("pageSize", "100".into())]).await
    }

    /// Every item of a filter (the ERP answers 404 for a filter without items).
    pub async fn seller_filter_items(&self, uuid: &str) -> Result<Vec<SellerFilterItem>, ApiError> {
        let mut out = Vec::new();
        for page in 1.. {
            let path = format!("/api/pgv/sellerfilters/{}/items/", encode(uuid));
            let list: Result<ListEnvelope<SellerFilterItem>, _> =
                self.get_json(&path, &[("page", page.to_string()), ("pageSize", "1000".into())]).await;
            match list {
                Ok(l) => {
                    out.extend(l.items);
                    if !l.has_next {
                        break;
                    }
                }
                Err(ApiError::Server { status: 404, .. }) => break,
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }

    /// Saves today's selection of `schema`: a POST, or a PUT of the differences when
    /// `existing` (today's header and its items) is given.
    pub async fn save_seller_filter(
        &self,
        seller: &str,
        schema: Schema,
        existing: Option<(&str, &[SellerFilterItem])>,
        wanted: &[String],
    ) -> Result<(), ApiError> {
        let header = SellerFilterHeader {
            seller_code: seller.to_string(),
            schema_id: schema.id().to_string(),
            ..Default::default()
        };
        let (method, path, items) = match existing {
            Some((uuid, items)) => {
                (Method::PUT, format!("/api/pgv/sellerfilters/{}", encode(uuid)), filter_changes(items, wanted))
            }
            None => (
                Method::POST,
                "/api/pgv/sellerfilters/".to_string(),
                wanted.iter().map(|w| SellerFilterItem { entity_id: w.clone(), ..Default::default() }).collect(),
            ),
        };
        let body =
            serde_json::to_value(SellerFilterBody { header, items }).map_err(|e| ApiError::Malformed(e.to_string()))?;
        let _: serde_json::Value = self.send_json(method, &path, &body).await?;
        Ok(())
    }

    /// The ERP's count of the records and JSON bytes of the day's download — with `proposal`'s
    /// schema selecting the given ids instead of today's saved filter. `None` from an ERP
    /// without this Mascate extension (404).
    pub async fn download_estimate(
        &self,
        proposal: Option<(Schema, &[String])>,
    ) -> Result<Option<DownloadEstimate>, ApiError> {
        let body = match proposal {
            Some((schema, ids)) => proposal_body(schema.id(), ids),
            None => serde_json::json!({}),
        };
        match self.send_json(Method::POST, "/api/mascate/v1/offline/estimate", &body).await {
            Ok(e) => Ok(Some(e)),
            Err(ApiError::Server { status: 404, .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// One page of a sync endpoint (`page` from 1), parsed by the browser: the rows stay
    /// JavaScript objects on their way to IndexedDB and never cross into wasm memory.
    pub async fn raw_page(&self, path: &str, page: usize, size: usize) -> Result<RawPage, ApiError> {
        let url = super::url(path);
        let query = [("page", page.to_string()), ("pageSize", size.to_string())];
        let res = self
            .send_authorized(|token| {
                gloo_net::http::Request::get(&url)
                    .header("Authorization", &format!("Bearer {token}"))
                    .query(query.iter().map(|(k, v)| (*k, v.as_str())))
                    .build()
            })
            .await?;
        if !res.ok() {
            return Err(super::server_error(res).await);
        }
        let malformed = || ApiError::Malformed(format!("{path}: not JSON"));
        let raw: web_sys::Response = res.into();
        let value = wasm_bindgen_futures::JsFuture::from(raw.json().map_err(|_| malformed())?).await.map_err(|e| {
            // A body cut by the network is a dropped connection, not bad data.
            if e.dyn_ref::<js_sys::SyntaxError>().is_some() {
                malformed()
            } else {
                ApiError::Unreachable
            }
        })?;
        let get = |k: &str| js_sys::Reflect::get(&value, &k.into()).unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
        let items = get("items");
        if !js_sys::Array::is_array(&items) {
            return Err(ApiError::Malformed(format!("{path}: no items")));
        }
        Ok(RawPage {
            items: items.into(),
            has_next: get("hasNext").as_bool().unwrap_or(false),
            po_sync_date: get("po_sync_date").as_string(),
        })
    }
}

/// A record the rep may select, in a schema-independent shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The seller filter's `entityid` (§3.2).
    pub entity_id: String,
    pub code: String,
    pub name: String,
    /// City/UF, or group and unit for products.
    pub detail: String,
}

impl Api {
    /// One page of the records of `schema` matching `filter` (the configurator's steps 1–2).
    pub async fn candidates(
        &self,
        schema: Schema,
        filter: Option<mascate_domain::filter::Expr>,
        in_stock: bool,
        page: usize,
        size: usize,
    ) -> Result<(Vec<Candidate>, bool), ApiError> {
        use mascate_domain::contract::{Customer, Product, Prospect};
        let mut params = vec![("page", page.to_string()), ("pageSize", size.to_string())];
        if let Some(f) = filter {
            params.push(("FILTER", f.to_string()));
        }
        let place = |city: &str, uf: &str| format!("{} / {}", city.trim(), uf.trim());
        let not_found_is_empty = |r: Result<(Vec<Candidate>, bool), ApiError>| match r {
            Err(ApiError::Server { status: 404, .. }) => Ok((vec![], false)),
            other => other,
        };
        match schema {
            Schema::Customers => {
                params.push(("SORT", "name".into()));
                let l: ListEnvelope<Customer> = self.get_json("/api/tgv/customers/", &params).await?;
                let items = l
                    .items
                    .iter()
                    .map(|c| Candidate {
                        entity_id: c.entity_id(),
                        code: format!("{}/{}", c.code, c.store),
                        name: c.name.clone(),
                        detail: place(&c.city, &c.uf),
                    })
                    .collect();
                Ok((items, l.has_next))
            }
            Schema::Products => {
                params.push(("SORT", "description,code".into()));
                if in_stock {
                    params.push(("QUICKFILTER", "HASSTOCK".into()));
                }
                let l: Result<ListEnvelope<Product>, _> = self.get_json("/api/tgv/products/", &params).await;
                not_found_is_empty(l.map(|l| {
                    let items = l
                        .items
                        .iter()
                        .map(|p| Candidate {
                            entity_id: p.code.clone(),
                            code: p.code.clone(),
                            name: p.description.clone(),
                            detail: format!("{} · {}", p.group, p.unit),
                        })
                        .collect();
                    (items, l.has_next)
                }))
            }
            Schema::Prospects => {
                params.push(("SORT", "name".into()));
                let l: ListEnvelope<Prospect> = self.get_json("/api/tgv/prospects/", &params).await?;
                let items = l
                    .items
                    .iter()
                    .map(|p| Candidate {
                        entity_id: format!("{}{}", p.code, p.store),
                        code: format!("{}/{}", p.code, p.store),
                        name: p.name.clone(),
                        detail: place(&p.city, &p.uf),
                    })
                    .collect();
                Ok((items, l.has_next))
            }
        }
    }
}
