//! The shell around every page: navigation, the menu, the language, connectivity, signing out.
//! A link in the catalogue's chain: see `super`.

macro_rules! shell {
    ($next:ident $(, $rest:ident)* ; $($acc:tt)*) => {
        $next! { $($rest),* ; $($acc)*
            NavHome => ["Início", "Home", "Inicio"],
            NavCustomers => ["Meus Clientes", "My Customers", "Mis Clientes"],
            NavQuotations => ["Meus Orçamentos", "My Quotations", "Mis Presupuestos"],
            NavOrders => ["Meus Pedidos", "My Orders", "Mis Pedidos"],
            NavNotifications => ["Minhas Notificações", "My Notifications", "Mis Notificaciones"],
            NavOfflineConfigurator => ["Configurador Offline", "Offline Configurator", "Configurador Offline"],
            Logout => ["Sair", "Sign out", "Salir"],
            LogoutTitle => ["Sair com documentos no aparelho?", "Sign out with documents on this device?", "¿Salir con documentos en el dispositivo?"],
            More => ["Mais", "More", "Más"],
            Close => ["Fechar", "Close", "Cerrar"],
            SkipToContent => ["Pular para o conteúdo", "Skip to content", "Saltar al contenido"],
            Language => ["Idioma", "Language", "Idioma"],
            Menu => ["Menu", "Menu", "Menú"],
            Online => ["Online", "Online", "En línea"],
            Offline => ["Offline", "Offline", "Sin conexión"],
            NotBuiltYet => [
                "Esta tela ainda não foi construída. Ela chega numa próxima versão do Mascate.",
                "This page is not built yet. It comes in a later version of Mascate.",
                "Esta pantalla aún no está construida. Llega en una próxima versión de Mascate."
            ],
            WorkspaceFailed => [
                "Não foi possível carregar o Mascate neste aparelho. Verifique a conexão e tente de novo.",
                "Mascate could not be loaded on this device. Check the connection and try again.",
                "No se pudo cargar Mascate en este dispositivo. Verifique la conexión e intente de nuevo."
            ],
            LogoutKeepOnDevice => ["Sair e manter no aparelho", "Sign out, keep them here", "Salir y mantenerlos aquí"],
            // An empty field (components/field.rs)
            None => ["—", "—", "—"],
        }
    };
}
