// A script on a web server: an extension page must refuse to run it (CSP script-src 'self').
window.__remote = true;
