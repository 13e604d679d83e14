"""The core: persona and journey files in, validated models out (no MkDocs, no Jinja2).

:mod:`.loader` reads both folders with :mod:`.yamlsafe` and validates them against
:mod:`.models`, reporting every problem with file, line and a hint (:mod:`.explain`,
:mod:`.yaml_syntax`, :mod:`.suggestions`, :mod:`.problems`). :mod:`.reviews`,
:mod:`.evidence` and :mod:`.history` say how current each persona is; :mod:`.options`,
:mod:`.project` and :mod:`.site_options` hold the settings every host shares.
"""
