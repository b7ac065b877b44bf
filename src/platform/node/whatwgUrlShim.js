// Stand-in for the `whatwg-url` package inside the bundle: Node already has a WHATWG URL.
exports.URL = URL;
exports.URLSearchParams = URLSearchParams;
