// Chooses the static shell's skeleton (index.html) before the first paint: the app's frame
// for a rep who is signed in on this device, the sign-in card otherwise. A file of its own,
// not an inline script, so a strict Content-Security-Policy holds.
try {
  if (localStorage.getItem('mascate.session')) document.documentElement.classList.add('signed-in');
} catch (e) {
  // Storage blocked: the sign-in card is a fine skeleton.
}

// A wasm panic is never silent. The release build aborts on a panic without a message (std
// built with panic=immediate-abort: docs/size.md), which the browser reports as a
// WebAssembly.RuntimeError; a dev or test build also calls window.mascatePanicked with the
// panic's message and location (src/panic.rs). Either way the rep reads, in the page's own
// language, that something went wrong and that a reload loses nothing (documents are saved on
// the device before anything is sent), with the button to do it; the console gets the whole
// story. Said once per page load.
(function () {
  var TEXT = {
    pt: ['Algo deu errado no Mascate.', 'Seus pedidos e orçamentos já estão guardados neste aparelho: recarregue para continuar, nada se perde.', 'Recarregar'],
    en: ['Something went wrong in Mascate.', 'Your orders and quotations are already saved on this device: reload to go on, nothing is lost.', 'Reload'],
    es: ['Algo salió mal en Mascate.', 'Sus pedidos y presupuestos ya están guardados en este dispositivo: recargue para continuar, no se pierde nada.', 'Recargar'],
  };
  var shown = false;
  function say(where) {
    try {
      console.error('Mascate: the app stopped on an internal error (a panic). ' + where);
    } catch (e) { /* no console */ }
    if (shown || !document.body) return;
    shown = true;
    var lang = (document.documentElement.lang || 'pt').slice(0, 2);
    var t = TEXT[lang] || TEXT.pt;
    var box = document.createElement('div');
    box.className = 'panic-notice';
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('aria-labelledby', 'panic-title');
    box.setAttribute('data-testid', 'panic-notice');
    var title = document.createElement('p');
    title.id = 'panic-title';
    title.className = 'panic-title';
    title.textContent = t[0];
    var text = document.createElement('p');
    text.textContent = t[1];
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button primary';
    button.setAttribute('data-testid', 'panic-reload');
    button.textContent = t[2];
    button.addEventListener('click', function () { location.reload(); });
    box.appendChild(title);
    box.appendChild(text);
    box.appendChild(button);
    document.body.appendChild(box);
    button.focus();
  }
  window.mascatePanicked = function (message) {
    say(String(message));
  };
  window.addEventListener('error', function (event) {
    var error = event.error;
    if (typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError) {
      say(String(error.stack || error));
    }
  });
})();
