// See csp-check.js.
module.exports = async () => require('./csp-check').check();
