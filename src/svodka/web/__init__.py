"""The web pages `svodka serve` shows at /: server-rendered, no script, every scraped string escaped."""
