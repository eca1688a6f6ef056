"""Which country an article's entities belong to, as far as the knowledge base says: countries
themselves, and the entities and office holders it places in a country."""
from __future__ import annotations

from ..entities.kb import knowledge_base
from ..records import Article


def countries_of(article: Article) -> dict[str, str]:
    """Entity id → ISO country code, for the article's entities whose country is known."""
    kb = knowledge_base()
    found = {entity.id: kb.country_of(entity.id) for entity in article.entities}
    return {entity: country for entity, country in found.items() if country}
