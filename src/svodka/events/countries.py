"""Which country an article's entities belong to, as far as the knowledge base says: countries
themselves, their capitals and cities, office holders and organisations with a country."""
from __future__ import annotations

from ..entities.kb import knowledge_base
from ..records import Article


def countries_of(article: Article) -> dict[str, str]:
    """Entity id → ISO country code."""
    kb = knowledge_base()
    found = {}
    for entity in article.entities:
        if entity.id.startswith("country:"):
            found[entity.id] = entity.id.split(":", 1)[1]
        known = kb.entities.get(entity.id)
        if known is not None and known.country:
            found[entity.id] = known.country
    return found
