//! Products (pages/products.rs).
//! A link in the catalogue's chain: see `super`.

macro_rules! products {
    ($next:ident $(, $rest:ident)* ; $($acc:tt)*) => {
        $next! { $($rest),* ; $($acc)*
            NavProducts => ["Produtos", "Products", "Productos"],
            ProductsTitle => ["Produtos", "Products", "Productos"],
            Group => ["Grupo", "Group", "Grupo"],
            ProductType => ["Tipo", "Type", "Tipo"],
            Merchandise => ["Mercadoria (ME)", "Merchandise (ME)", "Mercadería (ME)"],
            FinishedGood => ["Produto acabado (PA)", "Finished good (PA)", "Producto terminado (PA)"],
            InStock => ["Com estoque", "In stock", "Con stock"],
            BasePrice => ["Preço base (sem tabela)", "Base price (no list)", "Precio base (sin lista)"],
            OnlyPriceList => ["Só produtos da tabela", "Only the list's products", "Solo productos de la lista"],
            NoProducts => ["Nenhum produto encontrado.", "No products found.", "Ningún producto encontrado."],
            Unit => ["Unidade", "Unit", "Unidad"],
            Price => ["Preço", "Price", "Precio"],
            Stock => ["Estoque", "Stock", "Stock"],
            ListPricesNoCustomer => [
                "Preços da tabela {list}, sem as condições de um cliente: escolha o cliente para ver os dele.",
                "Prices of list {list}, without a customer's terms: choose the customer to see theirs.",
                "Precios de la tabla {list}, sin las condiciones de un cliente: elija el cliente para ver las suyas."
            ],
        }
    };
}
