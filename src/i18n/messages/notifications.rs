//! Notifications (pages/notifications.rs).
//! A link in the catalogue's chain: see `super`.

macro_rules! notifications {
    ($next:ident $(, $rest:ident)* ; $($acc:tt)*) => {
        $next! { $($rest),* ; $($acc)*
            NotificationsTitle => ["Minhas Notificações", "My Notifications", "Mis Notificaciones"],
            NoticeOrder => ["Pedido", "Order", "Pedido"],
            NoticeQuotation => ["Orçamento", "Quotation", "Presupuesto"],
            NoticeCustomer => ["Cliente", "Customer", "Cliente"],
            NoticeProspect => ["Prospect", "Prospect", "Prospecto"],
            NoticeContact => ["Contato", "Contact", "Contacto"],
            NoticeContactRelation => ["Relação de contato", "Contact link", "Relación de contacto"],
            NoticeCreated => ["incluído", "created", "creado"],
            NoticeChanged => ["alterado", "changed", "modificado"],
            NoticeDeleted => ["excluído", "deleted", "eliminado"],
            NoticeFailed => ["com falha no ERP", "failed in the ERP", "con fallo en el ERP"],
            NoNotifications => ["Nenhuma notificação.", "No notifications.", "Ninguna notificación."],
            Open => ["Abrir", "Open", "Abrir"],
            MarkRead => ["Marcar como lida", "Mark as read", "Marcar como leída"],
            Unread => ["Não lida", "Unread", "No leída"],
            NotificationsOffline => [
                "As notificações vêm do ERP e precisam de conexão. Elas voltam assim que a conexão voltar.",
                "Notifications come from the ERP and need a connection. They come back as soon as you are online.",
                "Las notificaciones vienen del ERP y necesitan conexión. Vuelven en cuanto haya conexión."
            ],
        }
    };
}
