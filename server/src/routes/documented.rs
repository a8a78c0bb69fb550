//! Routes registered with their OpenAPI entries, so the router and `GET /api/openapi.json`
//! are one list: a route cannot be added without its entry, nor an entry without its route.

use axum::routing::MethodRouter;
use axum::Router;

use crate::openapi::{Doc, Operation};
use crate::state::AppState;

/// A router and the operations it serves.
#[derive(Default)]
pub struct Documented {
    router: Router<AppState>,
    operations: Vec<Operation>,
}

impl Documented {
    pub fn new() -> Documented {
        Documented::default()
    }

    /// Routes `path` to `handler`, documented by `docs` (one entry per method it answers).
    pub fn route(mut self, path: &'static str, handler: MethodRouter<AppState>, docs: &[Doc]) -> Documented {
        assert!(!docs.is_empty(), "{path} has no OpenAPI entry");
        self.router = self.router.route(path, handler);
        self.operations.extend(docs.iter().map(|&doc| Operation { path, doc }));
        self
    }

    pub fn merge(mut self, other: Documented) -> Documented {
        self.router = self.router.merge(other.router);
        self.operations.extend(other.operations);
        self
    }

    /// The same routes with a layer (a body limit, the bearer check) around them.
    pub fn map_router(mut self, f: impl FnOnce(Router<AppState>) -> Router<AppState>) -> Documented {
        self.router = f(self.router);
        self
    }

    pub fn into_parts(self) -> (Router<AppState>, Vec<Operation>) {
        (self.router, self.operations)
    }
}
