//! Sending documents to the ERP: their state, the sync status and the sending history.
//! A link in the catalogue's chain: see `super`.

macro_rules! sync {
    ($next:ident $(, $rest:ident)* ; $($acc:tt)*) => {
        $next! { $($rest),* ; $($acc)*
            // Sending state
            StatePending => ["Salvo no aparelho, não enviado", "Saved on the device, not sent", "Guardado en el dispositivo, no enviado"],
            StateQueued => ["Aguardando o ERP", "Waiting for the ERP", "Esperando al ERP"],
            StateProcessing => ["Em processamento no ERP", "Being processed by the ERP", "En proceso en el ERP"],
            StateSynced => ["Aceito pelo ERP: nº {n}", "Accepted by the ERP: no. {n}", "Aceptado por el ERP: n.º {n}"],
            StateError => ["Recusado pelo ERP", "Refused by the ERP", "Rechazado por el ERP"],
            FixAndResend => ["Corrija e envie de novo; nada do que foi digitado se perdeu.", "Fix it and send again; nothing you typed was lost.", "Corrija y envíe de nuevo; nada de lo escrito se perdió."],
            SendDeferred => ["O ERP não pôde receber agora; o Mascate envia de novo sozinho, sem nada a corrigir.", "The ERP could not take it now; Mascate sends it again by itself, with nothing to fix.", "El ERP no pudo recibirlo ahora; Mascate lo envía de nuevo solo, sin nada que corregir."],
            // Sync
            PendingN => ["{n} a enviar", "{n} to send", "{n} por enviar"],
            SyncNow => ["Sincronizar agora", "Sync now", "Sincronizar ahora"],
            Syncing => ["Sincronizando…", "Syncing…", "Sincronizando…"],
            LastSync => ["Última sincronização", "Last sync", "Última sincronización"],
            // Sending history (pages/sent/log.rs)
            SyncLog => ["Histórico de envio", "Sending history", "Historial de envío"],
            LogSaved => ["Salvo no aparelho", "Saved on the device", "Guardado en el dispositivo"],
            LogEdited => ["Alterado", "Changed", "Modificado"],
            LogSent => ["Enviado à fila do ERP", "Sent to the ERP's queue", "Enviado a la cola del ERP"],
            LogUnreachable => ["Sem resposta (sem rede); nova tentativa depois", "No answer (no network); retried later", "Sin respuesta (sin red); nuevo intento después"],
            LogRejected => ["Recusado no envio", "Refused when sent", "Rechazado al enviar"],
            LogDeferred => ["O ERP não pôde receber agora; nova tentativa automática", "The ERP could not take it now; sent again automatically", "El ERP no pudo recibirlo ahora; nuevo intento automático"],
            LogWaiting => ["Na fila do ERP", "In the ERP's queue", "En la cola del ERP"],
            LogProcessing => ["Em processamento no ERP", "Being processed by the ERP", "En proceso en el ERP"],
            LogAccepted => ["Aceito pelo ERP", "Accepted by the ERP", "Aceptado por el ERP"],
            LogRefused => ["Recusado pelo ERP", "Refused by the ERP", "Rechazado por el ERP"],
            LogImported => ["Importado de arquivo", "Imported from a file", "Importado de un archivo"],
            Attempts => ["Tentativas sem sucesso: {n}", "Attempts that did not go through: {n}", "Intentos sin éxito: {n}"],
        }
    };
}
