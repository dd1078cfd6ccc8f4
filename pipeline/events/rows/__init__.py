"""One event row from one trigger: roles, actors, place, origin, destination and date.

- :mod:`~pipeline.events.rows.build`: :func:`build_event`, the row of one trigger;
- :mod:`~pipeline.events.rows.frames`: which rule applies and how the frame's arguments
  are adjusted;
- :mod:`~pipeline.events.rows.frame_sides`: the sides a frame does not name plainly (a
  partner, a place that acts, an authority, misread name words);
- :mod:`~pipeline.events.rows.places`: :class:`PlaceQuery`, :data:`PendingEvent` and
  :func:`resolve_event_places` (the place columns from the document's place lookup).
"""

from pipeline.events.rows.build import build_event
from pipeline.events.rows.places import PendingEvent, PlaceQuery, resolve_event_places

__all__ = ["PendingEvent", "PlaceQuery", "build_event", "resolve_event_places"]
