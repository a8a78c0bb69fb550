//! `mascate-server`: the stand-in Protheus sales-portal server.
//!
//! ```text
//! mascate-server [serve] [--port 8080] [--data-dir data] [--access-ttl 3600] ...
//! mascate-server generate-fixtures [--out DIR] [--scale N]   # remakes (or scales) the generated fixtures
//! mascate-server generate-customers 100000 target/bench/customers.json   # seeded, for benchmarks
//! mascate-server user add NAME [--name "FULL NAME"] [--seller CODE] [--email E] [--admin] [--data-dir data]
//! mascate-server user password NAME [--data-dir data]   # the password comes from MASCATE_PASSWORD or stdin
//! mascate-server user list [--data-dir data]
//! ```

use mascate_server::{fixtures, AppState, Config};

#[tokio::main]
async fn main() {
    mascate_server::logging::init();
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h" || a == "help") {
        print!("{}", mascate_server::config::USAGE);
        return;
    }
    let command = match args.first().map(String::as_str) {
        Some(c) if !c.starts_with("--") => args.remove(0),
        _ => "serve".to_string(),
    };
    let result = match command.as_str() {
        "serve" => serve(&args).await,
        "generate-fixtures" => generate_fixtures(&args),
        "generate-customers" => generate_customers(&args),
        "user" => user(&args),
        other => Err(format!("unknown command {other}; use serve, user, generate-fixtures or generate-customers")),
    };
    if let Err(e) = result {
        eprintln!("mascate-server: {e}");
        std::process::exit(1);
    }
}

/// Connections the kernel holds before they are accepted. Tokio's default (1,024) overflows
/// under a reconnecting flood, and a dropped SYN costs the rep a one-second retransmission
/// (issue 27's slow-body bench: p99 1.04 s); the kernel caps it at `somaxconn`.
const LISTEN_BACKLOG: u32 = 8192;

/// Listens on `addr` (a name resolves to its first address) with [`LISTEN_BACKLOG`].
async fn listen(addr: &str) -> std::io::Result<tokio::net::TcpListener> {
    let Some(at) = tokio::net::lookup_host(addr).await?.next() else {
        return Err(std::io::Error::other("no address"));
    };
    let socket = if at.is_ipv4() { tokio::net::TcpSocket::new_v4()? } else { tokio::net::TcpSocket::new_v6()? };
    socket.set_reuseaddr(true)?;
    socket.bind(at)?;
    socket.listen(LISTEN_BACKLOG)
}

async fn serve(args: &[String]) -> Result<(), String> {
    let config = Config::from_env_and_args(args)?;
    let addr = format!("{}:{}", config.bind, config.port);
    let state = AppState::open(config.clone()).map_err(|e| e.to_string())?;
    mascate_server::queue::start(state.clone());
    let listener = listen(&addr).await.map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    println!("Mascate is running at http://{local}/");
    println!(
        "  data: {}   access token: {} s   demo: {}",
        config.database_path().display(),
        config.access_ttl_secs,
        config.demo
    );
    for login in state.demo_logins.iter() {
        println!("  demo login: {} / {}  ({})", login.username, login.password, login.name);
    }
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    mascate_server::serve(listener, state, shutdown).await.map_err(|e| e.to_string())
}

/// Rewrites the generated fixtures from the seed: `generate-fixtures [--out DIR] [--scale N]`.
/// With the defaults it remakes the committed files in `fixtures/` byte for byte; with a
/// scale it writes N times the customers, products and prospects elsewhere (the order
/// history grows with them at first start), for benchmarks: `mascate-server --fixtures DIR`.
fn generate_fixtures(args: &[String]) -> Result<(), String> {
    let mut out_dir = "fixtures".to_string();
    let mut scale = 1usize;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => out_dir = it.next().ok_or("--out needs a folder")?.clone(),
            "--scale" => {
                scale =
                    it.next().and_then(|v| v.parse().ok()).filter(|n| *n >= 1).ok_or("--scale needs a number ≥ 1")?
            }
            other if !other.starts_with("--") => out_dir = other.to_string(), // the old positional form
            other => return Err(format!("unknown option {other}")),
        }
    }
    let source = std::path::Path::new("fixtures");
    let dir = std::path::Path::new(&out_dir);
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let read = |name: &str| std::fs::read_to_string(source.join(name)).map_err(|e| format!("fixtures/{name}: {e}"));
    if dir.canonicalize().ok() != source.canonicalize().ok() {
        for name in ["users.json", "catalog.json", "customers-handwritten.json"] {
            std::fs::write(dir.join(name), read(name)?).map_err(|e| e.to_string())?;
        }
    }
    let handwritten: Vec<mascate_domain::contract::Customer> =
        serde_json::from_str(&read("customers-handwritten.json")?).map_err(|e| e.to_string())?;
    let first_code = handwritten.len();
    let mut all = handwritten;
    let mut generated = fixtures::generate::customers(fixtures::SEED, 330 * scale, &["000001", "000002", "000003"]);
    for (i, c) in generated.iter_mut().enumerate() {
        c.code = format!("{:06}", first_code + 1 + i);
    }
    all.extend(generated);
    let write = |name: &str, rows: &dyn erased::Rows| -> Result<(), String> {
        let out = dir.join(name);
        std::fs::write(&out, rows.pretty()?).map_err(|e| format!("{}: {e}", out.display()))?;
        println!("wrote {} rows to {}", rows.count(), out.display());
        Ok(())
    };
    write("customers.json", &all)?;
    let reference: fixtures::catalog::Reference =
        serde_json::from_str(&read("catalog.json")?).map_err(|e| e.to_string())?;
    let seed = fixtures::SEED;
    let products = fixtures::catalog::products(seed, 14, scale);
    write("stock.json", &fixtures::catalog::stock(seed, &products))?;
    write("price-list-items.json", &fixtures::catalog::price_list_items(seed, &reference.price_lists, &products))?;
    write("prospects.json", &fixtures::catalog::prospects(seed, 60 * scale, &["000001", "000002", "000003"], &all))?;
    write("products.json", &products)?;
    Ok(())
}

/// Lets one closure write any of the fixture vectors.
mod erased {
    pub trait Rows {
        fn pretty(&self) -> Result<String, String>;
        fn count(&self) -> usize;
    }
    impl<T: serde::Serialize> Rows for Vec<T> {
        fn pretty(&self) -> Result<String, String> {
            serde_json::to_string_pretty(self).map_err(|e| e.to_string())
        }
        fn count(&self) -> usize {
            self.len()
        }
    }
}

/// Writes `count` generated customers (same seed, same output) for benchmarks.
fn generate_customers(args: &[String]) -> Result<(), String> {
    let count: usize =
        args.first().ok_or("generate-customers COUNT [OUT]")?.parse().map_err(|_| "COUNT must be a number")?;
    let out = std::path::PathBuf::from(args.get(1).map(String::as_str).unwrap_or("target/bench/customers.json"));
    let mut all = fixtures::generate::customers(20261122, count, &["000001", "000002", "000003"]);
    for (i, c) in all.iter_mut().enumerate() {
        c.code = format!("{:06}", i + 1);
    }
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    std::fs::write(&out, serde_json::to_string(&all).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    println!("wrote {} customers to {}", all.len(), out.display());
    Ok(())
}

/// `user add|password|list`: accounts outside demo mode (see [`mascate_server::accounts`]).
fn user(args: &[String]) -> Result<(), String> {
    use mascate_server::accounts;
    let usage = "user add NAME [--name N] [--seller CODE] [--email E] [--admin] | user password NAME | user list";
    let action = args.first().ok_or(usage)?.clone();
    let mut new = accounts::NewUser::default();
    let mut rest = Vec::new();
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--name" => new.name = it.next().ok_or("--name needs a value")?.clone(),
            "--seller" => new.seller = Some(it.next().ok_or("--seller needs a code")?.clone()),
            "--email" => new.email = it.next().ok_or("--email needs a value")?.clone(),
            "--admin" => new.is_admin = true,
            "--demo" | "--no-demo" => rest.push(a.clone()),
            flag if flag.starts_with("--") => {
                // A server option (`--data-dir data`): it goes to the config with its value.
                rest.push(flag.to_string());
                if !flag.contains('=') {
                    rest.push(it.next().ok_or_else(|| format!("{flag} needs a value"))?.clone());
                }
            }
            name if new.username.is_empty() => new.username = name.to_string(),
            other => return Err(format!("unexpected argument {other}; {usage}")),
        }
    }
    let config = Config::from_env_and_args(&rest)?;
    let state = AppState::open(config).map_err(|e| e.to_string())?;
    let password = || -> Result<String, String> {
        if let Ok(p) = std::env::var("MASCATE_PASSWORD") {
            return Ok(p);
        }
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).map_err(|e| e.to_string())?;
        Ok(line.trim_end_matches(['\r', '\n']).to_string())
    };
    match action.as_str() {
        "add" => {
            if new.name.is_empty() {
                new.name = new.username.to_uppercase();
            }
            accounts::add(&state.db, &new, &password()?)?;
            println!("user {} added", new.username);
        }
        "password" => {
            accounts::set_password(&state.db, &new.username, &password()?)?;
            println!("password of {} changed; its sessions ended", new.username);
        }
        "list" => {
            for a in accounts::list(&state.db)? {
                let seller = a.seller.as_deref().unwrap_or("-");
                let demo = if a.demo_password { "  (demo password: refused with --no-demo)" } else { "" };
                println!("{:<16} {:<8} {}{demo}", a.username, seller, a.name);
            }
        }
        _ => return Err(usage.into()),
    }
    Ok(())
}
