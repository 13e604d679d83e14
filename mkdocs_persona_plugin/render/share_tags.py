"""Open Graph and Twitter tags: what a chat or social app shows when someone shares a page."""

from __future__ import annotations

from .markup import head_attribute


def share_tags(
    *,
    title: str,
    description: str = "",
    og_type: str = "website",
    url: str | None = None,
    image: str | None = None,
) -> str:
    """The ``<meta>`` tags for a page titled ``title`` (plain text; every value is escaped
    here). ``url`` is the page's absolute address (known only with ``site_url``); ``image``
    a 1200×630 preview card, which makes the large card layout."""
    tags = [
        ("property", "og:title", title),
        ("property", "og:type", og_type),
        ("name", "twitter:title", title),
    ]
    if description:
        tags += [
            ("property", "og:description", description),
            ("name", "twitter:description", description),
        ]
    if url:
        tags.append(("property", "og:url", url))
    if image:
        tags += [
            ("property", "og:image", image),
            ("property", "og:image:width", "1200"),
            ("property", "og:image:height", "630"),
            ("name", "twitter:card", "summary_large_image"),
            ("name", "twitter:image", image),
        ]
    else:
        tags.append(("name", "twitter:card", "summary"))
    return "".join(
        f'<meta {attr}="{key}" content="{head_attribute(value)}">' for attr, key, value in tags
    )
