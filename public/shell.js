// Chooses the static shell's skeleton (index.html) before the first paint: the app's frame
// for a rep who is signed in on this device, the sign-in card otherwise. A file of its own,
// not an inline script, so a strict Content-Security-Policy holds.
try {
  if (localStorage.getItem('mascate.session')) document.documentElement.classList.add('signed-in');
} catch (e) {
  // Storage blocked: the sign-in card is a fine skeleton.
}
