# fish completion for `anthropic`, generated from its command model. Do not edit.
# Install: anthropic completion fish > ~/.config/fish/completions/anthropic.fish

function __anthropic_path
    # the subcommand path typed so far, e.g. 'batches create'
    set -l commands 'messages' 'stream' 'chat' 'count-tokens' 'tool-loop' 'logs' 'logs list' 'logs search' 'logs show' 'logs usage' 'logs path' 'logs status' 'logs on' 'logs off' 'logs delete' 'models' 'models list' 'models get' 'batches' 'batches create' 'batches get' 'batches list' 'batches cancel' 'batches delete' 'batches wait' 'batches results' 'files' 'files upload' 'files list' 'files get' 'files download' 'files delete' 'completion' 'mock-server' 'config' 'config get' 'config set' 'config unset' 'config list' 'config path' 'keys' 'keys set' 'templates' 'templates save' 'templates list' 'templates show' 'templates edit' 'templates delete' 'templates path' 'aliases' 'aliases set' 'aliases list' 'aliases remove' 'install' 'help'
    set -l arg_options '--api-key' '--base-url' '--api-version' '--beta' '--timeout' '--max-retries' '-m' '--model' '--max-tokens' '-s' '--system' '--system-file' '-t' '--temperature' '--top-p' '--top-k' '--stop' '-a' '--attach' '--thinking' '--effort' '--schema' '--service-tier' '--cache-ttl' '--tool' '--tool-choice' '--request' '--template' '-p' '--param' '--web-search-max-uses' '--web-fetch-max-uses' '--allow-domain' '--block-domain' '--user-location' '--container' '--mcp-server' '--metadata-user' '--inference-geo' '--cid' '--format' '--mcp' '--max-iterations' '--parallel' '--tool-timeout' '--tool-output-limit' '-r' '--resume' '-n' '--count' '--since' '--by' '--limit' '--after-id' '--before-id' '--input' '--prompts' '-o' '--output' '--only' '--port' '--replies' '--pace' '--prompt'
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l path
    set -l skip 0
    for t in $tokens
        if test $skip -eq 1
            set skip 0
        else if contains -- $t $arg_options
            set skip 1
        else if string match -q -- '-*' $t
            continue
        else if contains -- (string join -- ' ' $path $t) $commands
            set path $path $t
        end
    end
    string join -- ' ' $path
end

function __anthropic_is
    set -l path (__anthropic_path)
    test "$path" = "$argv[1]"
end

function __anthropic_models
    # model ids cached by `anthropic models list`; nothing if absent
    set -l dir $XDG_CACHE_HOME
    test -n "$dir"; or set dir $HOME/.cache
    # the ids are data: only words that look like ids, never expanded
    test -r $dir/anthropic-cli/models.txt; and string match -r -- '^[A-Za-z0-9._:@-]{1,128}$' < $dir/anthropic-cli/models.txt 2>/dev/null
end

complete -c anthropic -f

# anthropic
complete -c anthropic -n '__anthropic_is ""' -a 'messages' -d 'Send one message (POST /v1/messages) and print the answer'
complete -c anthropic -n '__anthropic_is ""' -a 'stream' -d 'Send one message with stream: true and print the answer as it arrives'
complete -c anthropic -n '__anthropic_is ""' -a 'chat' -d 'Chat in the terminal: answers stream live, every request carries the whole conversation, Ctrl-C stops an answer, /help lists the slash commands. With stdin not a terminal, each line (or """ block) is one message'
complete -c anthropic -n '__anthropic_is ""' -a 'count-tokens' -d 'Count the input tokens of a request (POST /v1/messages/count_tokens) and print the number'
complete -c anthropic -n '__anthropic_is ""' -a 'tool-loop' -d 'Stream the answer, run the tools the model calls (--tool FILE, --mcp) and send the results back, until the model stops asking for tools'
complete -c anthropic -n '__anthropic_is ""' -a 'logs' -d 'The log of every messages, stream, tool-loop and chat exchange (SQLite): list, search, show, usage, path, status, on, off, delete. Alone: the most recent exchanges'
complete -c anthropic -n '__anthropic_is ""' -a 'models' -d 'List the available models (GET /v1/models), or get one'
complete -c anthropic -n '__anthropic_is ""' -a 'batches' -d 'Create, inspect, wait for and download message batches'
complete -c anthropic -n '__anthropic_is ""' -a 'files' -d 'Upload files once and refer to them by id (the Files API, beta)'
complete -c anthropic -n '__anthropic_is ""' -a 'completion' -d 'Print a shell completion script (bash, zsh or fish) to stdout'
complete -c anthropic -n '__anthropic_is ""' -a 'mock-server' -d 'Serve a local stand-in for the API on 127.0.0.1 with deterministic answers; prints its base URL. For testing scripts and CI pipelines without a key. Stop it with Ctrl-C. See docs/mock-server.md for the answers and the x-mock-* knobs'
complete -c anthropic -n '__anthropic_is ""' -a 'config' -d 'Read and edit the config file (keys named like the long flags: model, max-tokens, base-url, api-key, ...). Flags and environment variables win over it'
complete -c anthropic -n '__anthropic_is ""' -a 'keys' -d 'Store the API key in the config file'
complete -c anthropic -n '__anthropic_is ""' -a 'templates' -d 'Saved request options (system prompt, model, sampling, tools, a prompt with $input and $NAME placeholders), one file a template; use one with --template NAME'
complete -c anthropic -n '__anthropic_is ""' -a 'aliases' -d 'Model aliases for -m: the built-in sonnet, opus and haiku (the newest of each in the model list that \'anthropic models\' caches) and your own'
complete -c anthropic -n '__anthropic_is ""' -a 'install' -d 'Link the launcher into DIR (default ~/.local/bin) and say how to enable completion'
complete -c anthropic -n '__anthropic_is ""' -a 'help' -d 'Show the help of a command (the same text as COMMAND --help)'
complete -c anthropic -l 'api-key' -x -d 'API key (default: $ANTHROPIC_API_KEY, then api-key in the config file)'
complete -c anthropic -l 'base-url' -x -d 'API base URL (default: $ANTHROPIC_BASE_URL, else https://api.anthropic.com)'
complete -c anthropic -l 'api-version' -x -d 'anthropic-version header (default: 2023-06-01)'
complete -c anthropic -l 'beta' -x -d 'anthropic-beta value; repeatable'
complete -c anthropic -l 'timeout' -x -d 'Longest wait to connect or for the next stream event, 0.001 to 86400 (default: 60)'
complete -c anthropic -l 'max-retries' -x -d 'Retries after the first attempt, 0 to 100 (default: 2)'
complete -c anthropic -l 'no-retries' -d 'Send each request once'
complete -c anthropic -l 'debug' -d 'Print each HTTP attempt to stderr (credentials redacted) and stack traces'
complete -c anthropic -l 'no-color' -d 'No colour or escape sequences on any stream'
complete -c anthropic -l 'mock' -d 'Run against an in-process mock server: canned answers, no key needed, nothing leaves this machine (see docs/mock-server.md)'
complete -c anthropic -s 'h' -l 'help' -d 'Show this help and exit'
complete -c anthropic -s 'V' -l 'version' -d 'Print the version and exit'

# anthropic messages
complete -c anthropic -n '__anthropic_is "messages"' -s 'm' -l 'model' -x -a '(__anthropic_models)' -d 'Model (default: $ANTHROPIC_MODEL, then model in the config file, then claude-sonnet-4-6)'
complete -c anthropic -n '__anthropic_is "messages"' -l 'max-tokens' -x -d 'Most tokens to generate, 1 to 1000000 (default: per model)'
complete -c anthropic -n '__anthropic_is "messages"' -s 's' -l 'system' -x -d 'System prompt'
complete -c anthropic -n '__anthropic_is "messages"' -l 'system-file' -r -F -d 'Read the system prompt from a file (- for stdin)'
complete -c anthropic -n '__anthropic_is "messages"' -s 't' -l 'temperature' -x -d 'Sampling temperature, 0 to 1'
complete -c anthropic -n '__anthropic_is "messages"' -l 'top-p' -x -d 'Nucleus sampling, 0 to 1'
complete -c anthropic -n '__anthropic_is "messages"' -l 'top-k' -x -d 'Sample from the top K tokens, 0 to 1000000'
complete -c anthropic -n '__anthropic_is "messages"' -l 'stop' -x -d 'Stop sequence; repeatable'
complete -c anthropic -n '__anthropic_is "messages"' -s 'a' -l 'attach' -r -F -d 'Attach an image, PDF or text file (type from its content), a URL (.pdf: document, else image; never fetched here), or - for stdin; repeatable'
complete -c anthropic -n '__anthropic_is "messages"' -l 'thinking' -x -d 'Extended thinking with this token budget (at least 1024; 0 turns it off), or adaptive (the model decides)'
complete -c anthropic -n '__anthropic_is "messages"' -l 'effort' -x -a 'low medium high xhigh max' -d 'output_config.effort: low, medium, high, xhigh or max'
complete -c anthropic -n '__anthropic_is "messages"' -l 'schema' -r -F -d 'Structured output: a JSON Schema file, inline JSON ({...}), or fields such as \'name, born int, bio: a one-line biography\' (types str, int, float, bool)'
complete -c anthropic -n '__anthropic_is "messages"' -l 'service-tier' -x -a 'auto standard_only' -d 'auto or standard_only'
complete -c anthropic -n '__anthropic_is "messages"' -l 'cache' -d 'Add cache_control to the system prompt and the last user block'
complete -c anthropic -n '__anthropic_is "messages"' -l 'cache-ttl' -x -a '5m 1h' -d 'Cache lifetime, 5m or 1h (implies --cache)'
complete -c anthropic -n '__anthropic_is "messages"' -l 'tool' -r -F -d 'Tool definition JSON file; repeatable'
complete -c anthropic -n '__anthropic_is "messages"' -l 'tool-choice' -x -a 'auto any none' -d 'auto, any, none or a tool name'
complete -c anthropic -n '__anthropic_is "messages"' -l 'request' -r -F -d 'A full request body as JSON; flags given here override its fields'
complete -c anthropic -n '__anthropic_is "messages"' -s 'n' -l 'no-stdin' -d 'Leave standard input unread (for loops that feed stdin to something else); an explicit - still reads it'
complete -c anthropic -n '__anthropic_is "messages"' -s 'u' -l 'usage' -d 'Print token usage and an estimated cost to stderr'
complete -c anthropic -n '__anthropic_is "messages"' -l 'show-thinking' -d 'Print the model\'s thinking to stderr (never stdout)'
complete -c anthropic -n '__anthropic_is "messages"' -l 'template' -x -d 'Apply a saved template (\'anthropic templates\'); options given here win over its values'
complete -c anthropic -n '__anthropic_is "messages"' -s 'p' -l 'param' -x -d 'Fill $NAME in the template\'s prompt with VALUE; repeatable'
complete -c anthropic -n '__anthropic_is "messages"' -l 'web-search' -d 'Let the model search the web (Anthropic\'s web_search server tool)'
complete -c anthropic -n '__anthropic_is "messages"' -l 'web-search-max-uses' -x -d 'At most N searches per answer (implies --web-search)'
complete -c anthropic -n '__anthropic_is "messages"' -l 'web-fetch' -d 'Let the model fetch web pages and PDFs (the web_fetch server tool)'
complete -c anthropic -n '__anthropic_is "messages"' -l 'web-fetch-max-uses' -x -d 'At most N fetches per answer (implies --web-fetch)'
complete -c anthropic -n '__anthropic_is "messages"' -l 'allow-domain' -x -d 'Search and fetch only this domain; repeatable'
complete -c anthropic -n '__anthropic_is "messages"' -l 'block-domain' -x -d 'Never search or fetch this domain; repeatable'
complete -c anthropic -n '__anthropic_is "messages"' -l 'user-location' -x -d 'Localise web search results (any part may be empty; COUNTRY two letters, TZ such as Europe/Oslo)'
complete -c anthropic -n '__anthropic_is "messages"' -l 'code-execution' -d 'Let the model run code in a sandbox (the code_execution server tool)'
complete -c anthropic -n '__anthropic_is "messages"' -l 'container' -x -d 'Reuse this code execution container'
complete -c anthropic -n '__anthropic_is "messages"' -l 'mcp-server' -x -d 'A remote MCP server the API connects to (MCP connector beta); the token is read from the environment variable VAR; repeatable'
complete -c anthropic -n '__anthropic_is "messages"' -l 'metadata-user' -x -d 'metadata.user_id: an opaque id of your end user (no name or email)'
complete -c anthropic -n '__anthropic_is "messages"' -l 'inference-geo' -x -d 'inference_geo: where the model runs (us, global, ...)'
complete -c anthropic -n '__anthropic_is "messages"' -l 'citations' -d 'After a text answer, list the sources it cites (Sources: [N] TITLE URL) and mark each cited span with [N]'
complete -c anthropic -n '__anthropic_is "messages"' -s 'c' -l 'continue' -d 'Continue the most recent logged conversation: its turns go before the new prompt, its model is used unless -m is given, and the exchange joins it'
complete -c anthropic -n '__anthropic_is "messages"' -l 'cid' -x -d 'Continue this logged conversation (anthropic logs shows the ids)'
complete -c anthropic -n '__anthropic_is "messages"' -l 'no-log' -d 'Do not record this exchange in the log'
complete -c anthropic -n '__anthropic_is "messages"' -l 'format' -x -a 'text json' -d 'text (default): the answer text; json: the full Message object'
complete -c anthropic -n '__anthropic_is "messages"' -l 'trace' -d 'Show the text of server tool results on stderr'

# anthropic stream
complete -c anthropic -n '__anthropic_is "stream"' -s 'm' -l 'model' -x -a '(__anthropic_models)' -d 'Model (default: $ANTHROPIC_MODEL, then model in the config file, then claude-sonnet-4-6)'
complete -c anthropic -n '__anthropic_is "stream"' -l 'max-tokens' -x -d 'Most tokens to generate, 1 to 1000000 (default: per model)'
complete -c anthropic -n '__anthropic_is "stream"' -s 's' -l 'system' -x -d 'System prompt'
complete -c anthropic -n '__anthropic_is "stream"' -l 'system-file' -r -F -d 'Read the system prompt from a file (- for stdin)'
complete -c anthropic -n '__anthropic_is "stream"' -s 't' -l 'temperature' -x -d 'Sampling temperature, 0 to 1'
complete -c anthropic -n '__anthropic_is "stream"' -l 'top-p' -x -d 'Nucleus sampling, 0 to 1'
complete -c anthropic -n '__anthropic_is "stream"' -l 'top-k' -x -d 'Sample from the top K tokens, 0 to 1000000'
complete -c anthropic -n '__anthropic_is "stream"' -l 'stop' -x -d 'Stop sequence; repeatable'
complete -c anthropic -n '__anthropic_is "stream"' -s 'a' -l 'attach' -r -F -d 'Attach an image, PDF or text file (type from its content), a URL (.pdf: document, else image; never fetched here), or - for stdin; repeatable'
complete -c anthropic -n '__anthropic_is "stream"' -l 'thinking' -x -d 'Extended thinking with this token budget (at least 1024; 0 turns it off), or adaptive (the model decides)'
complete -c anthropic -n '__anthropic_is "stream"' -l 'effort' -x -a 'low medium high xhigh max' -d 'output_config.effort: low, medium, high, xhigh or max'
complete -c anthropic -n '__anthropic_is "stream"' -l 'schema' -r -F -d 'Structured output: a JSON Schema file, inline JSON ({...}), or fields such as \'name, born int, bio: a one-line biography\' (types str, int, float, bool)'
complete -c anthropic -n '__anthropic_is "stream"' -l 'service-tier' -x -a 'auto standard_only' -d 'auto or standard_only'
complete -c anthropic -n '__anthropic_is "stream"' -l 'cache' -d 'Add cache_control to the system prompt and the last user block'
complete -c anthropic -n '__anthropic_is "stream"' -l 'cache-ttl' -x -a '5m 1h' -d 'Cache lifetime, 5m or 1h (implies --cache)'
complete -c anthropic -n '__anthropic_is "stream"' -l 'tool' -r -F -d 'Tool definition JSON file; repeatable'
complete -c anthropic -n '__anthropic_is "stream"' -l 'tool-choice' -x -a 'auto any none' -d 'auto, any, none or a tool name'
complete -c anthropic -n '__anthropic_is "stream"' -l 'request' -r -F -d 'A full request body as JSON; flags given here override its fields'
complete -c anthropic -n '__anthropic_is "stream"' -s 'n' -l 'no-stdin' -d 'Leave standard input unread (for loops that feed stdin to something else); an explicit - still reads it'
complete -c anthropic -n '__anthropic_is "stream"' -s 'u' -l 'usage' -d 'Print token usage and an estimated cost to stderr'
complete -c anthropic -n '__anthropic_is "stream"' -l 'show-thinking' -d 'Print the model\'s thinking to stderr (never stdout)'
complete -c anthropic -n '__anthropic_is "stream"' -l 'template' -x -d 'Apply a saved template (\'anthropic templates\'); options given here win over its values'
complete -c anthropic -n '__anthropic_is "stream"' -s 'p' -l 'param' -x -d 'Fill $NAME in the template\'s prompt with VALUE; repeatable'
complete -c anthropic -n '__anthropic_is "stream"' -l 'web-search' -d 'Let the model search the web (Anthropic\'s web_search server tool)'
complete -c anthropic -n '__anthropic_is "stream"' -l 'web-search-max-uses' -x -d 'At most N searches per answer (implies --web-search)'
complete -c anthropic -n '__anthropic_is "stream"' -l 'web-fetch' -d 'Let the model fetch web pages and PDFs (the web_fetch server tool)'
complete -c anthropic -n '__anthropic_is "stream"' -l 'web-fetch-max-uses' -x -d 'At most N fetches per answer (implies --web-fetch)'
complete -c anthropic -n '__anthropic_is "stream"' -l 'allow-domain' -x -d 'Search and fetch only this domain; repeatable'
complete -c anthropic -n '__anthropic_is "stream"' -l 'block-domain' -x -d 'Never search or fetch this domain; repeatable'
complete -c anthropic -n '__anthropic_is "stream"' -l 'user-location' -x -d 'Localise web search results (any part may be empty; COUNTRY two letters, TZ such as Europe/Oslo)'
complete -c anthropic -n '__anthropic_is "stream"' -l 'code-execution' -d 'Let the model run code in a sandbox (the code_execution server tool)'
complete -c anthropic -n '__anthropic_is "stream"' -l 'container' -x -d 'Reuse this code execution container'
complete -c anthropic -n '__anthropic_is "stream"' -l 'mcp-server' -x -d 'A remote MCP server the API connects to (MCP connector beta); the token is read from the environment variable VAR; repeatable'
complete -c anthropic -n '__anthropic_is "stream"' -l 'metadata-user' -x -d 'metadata.user_id: an opaque id of your end user (no name or email)'
complete -c anthropic -n '__anthropic_is "stream"' -l 'inference-geo' -x -d 'inference_geo: where the model runs (us, global, ...)'
complete -c anthropic -n '__anthropic_is "stream"' -l 'citations' -d 'After a text answer, list the sources it cites (Sources: [N] TITLE URL) and mark each cited span with [N]'
complete -c anthropic -n '__anthropic_is "stream"' -s 'c' -l 'continue' -d 'Continue the most recent logged conversation: its turns go before the new prompt, its model is used unless -m is given, and the exchange joins it'
complete -c anthropic -n '__anthropic_is "stream"' -l 'cid' -x -d 'Continue this logged conversation (anthropic logs shows the ids)'
complete -c anthropic -n '__anthropic_is "stream"' -l 'no-log' -d 'Do not record this exchange in the log'
complete -c anthropic -n '__anthropic_is "stream"' -l 'format' -x -a 'text json jsonl' -d 'text (default): the text as it arrives; json: the final Message object; jsonl: each event\'s data, one per line, as it arrives'
complete -c anthropic -n '__anthropic_is "stream"' -l 'trace' -d 'Show the text of server tool results on stderr'

# anthropic chat
complete -c anthropic -n '__anthropic_is "chat"' -s 'm' -l 'model' -x -a '(__anthropic_models)' -d 'Model (default: $ANTHROPIC_MODEL, then model in the config file, then claude-sonnet-4-6)'
complete -c anthropic -n '__anthropic_is "chat"' -l 'max-tokens' -x -d 'Most tokens to generate, 1 to 1000000 (default: per model)'
complete -c anthropic -n '__anthropic_is "chat"' -s 's' -l 'system' -x -d 'System prompt'
complete -c anthropic -n '__anthropic_is "chat"' -l 'system-file' -r -F -d 'Read the system prompt from a file (- for stdin)'
complete -c anthropic -n '__anthropic_is "chat"' -s 't' -l 'temperature' -x -d 'Sampling temperature, 0 to 1'
complete -c anthropic -n '__anthropic_is "chat"' -l 'top-p' -x -d 'Nucleus sampling, 0 to 1'
complete -c anthropic -n '__anthropic_is "chat"' -l 'top-k' -x -d 'Sample from the top K tokens, 0 to 1000000'
complete -c anthropic -n '__anthropic_is "chat"' -l 'stop' -x -d 'Stop sequence; repeatable'
complete -c anthropic -n '__anthropic_is "chat"' -s 'a' -l 'attach' -r -F -d 'Attach an image, PDF or text file (type from its content), a URL (.pdf: document, else image; never fetched here), or - for stdin; repeatable'
complete -c anthropic -n '__anthropic_is "chat"' -l 'thinking' -x -d 'Extended thinking with this token budget (at least 1024; 0 turns it off), or adaptive (the model decides)'
complete -c anthropic -n '__anthropic_is "chat"' -l 'effort' -x -a 'low medium high xhigh max' -d 'output_config.effort: low, medium, high, xhigh or max'
complete -c anthropic -n '__anthropic_is "chat"' -l 'schema' -r -F -d 'Structured output: a JSON Schema file, inline JSON ({...}), or fields such as \'name, born int, bio: a one-line biography\' (types str, int, float, bool)'
complete -c anthropic -n '__anthropic_is "chat"' -l 'service-tier' -x -a 'auto standard_only' -d 'auto or standard_only'
complete -c anthropic -n '__anthropic_is "chat"' -l 'cache' -d 'Add cache_control to the system prompt and the last user block'
complete -c anthropic -n '__anthropic_is "chat"' -l 'cache-ttl' -x -a '5m 1h' -d 'Cache lifetime, 5m or 1h (implies --cache)'
complete -c anthropic -n '__anthropic_is "chat"' -l 'tool' -r -F -d 'Tool definition JSON file; repeatable'
complete -c anthropic -n '__anthropic_is "chat"' -l 'tool-choice' -x -a 'auto any none' -d 'auto, any, none or a tool name'
complete -c anthropic -n '__anthropic_is "chat"' -l 'request' -r -F -d 'A full request body as JSON; flags given here override its fields'
complete -c anthropic -n '__anthropic_is "chat"' -s 'n' -l 'no-stdin' -d 'Leave standard input unread (for loops that feed stdin to something else); an explicit - still reads it'
complete -c anthropic -n '__anthropic_is "chat"' -s 'u' -l 'usage' -d 'Print token usage and an estimated cost to stderr'
complete -c anthropic -n '__anthropic_is "chat"' -l 'show-thinking' -d 'Print the model\'s thinking to stderr (never stdout)'
complete -c anthropic -n '__anthropic_is "chat"' -l 'template' -x -d 'Apply a saved template (\'anthropic templates\'); options given here win over its values'
complete -c anthropic -n '__anthropic_is "chat"' -s 'p' -l 'param' -x -d 'Fill $NAME in the template\'s prompt with VALUE; repeatable'
complete -c anthropic -n '__anthropic_is "chat"' -l 'mcp' -x -d 'Start a Model Context Protocol server over stdio (the words split as a shell would, no shell run) and offer its tools; repeatable'
complete -c anthropic -n '__anthropic_is "chat"' -l 'max-iterations' -x -d 'Most API calls before giving up, 1 to 10000 (default: 10)'
complete -c anthropic -n '__anthropic_is "chat"' -l 'parallel' -x -d 'Calls of one turn run at once, 1 to 64 (default: 4)'
complete -c anthropic -n '__anthropic_is "chat"' -l 'tool-timeout' -x -d 'Longest a tool may run before its process tree is killed, 0.001 to 86400 (default: 60.0)'
complete -c anthropic -n '__anthropic_is "chat"' -l 'tool-output-limit' -x -d 'Most bytes of a tool\'s output sent to the model, 0 to 67108864 (default: 100000)'
complete -c anthropic -n '__anthropic_is "chat"' -l 'trace' -d 'Print each tool call and its (shortened) result to stderr'
complete -c anthropic -n '__anthropic_is "chat"' -l 'approve' -d 'Ask y/N on the terminal before each tool call'
complete -c anthropic -n '__anthropic_is "chat"' -s 'y' -l 'yes' -d 'With --approve: run every call without asking (for use without a terminal)'
complete -c anthropic -n '__anthropic_is "chat"' -l 'web-search' -d 'Let the model search the web (Anthropic\'s web_search server tool)'
complete -c anthropic -n '__anthropic_is "chat"' -l 'web-search-max-uses' -x -d 'At most N searches per answer (implies --web-search)'
complete -c anthropic -n '__anthropic_is "chat"' -l 'web-fetch' -d 'Let the model fetch web pages and PDFs (the web_fetch server tool)'
complete -c anthropic -n '__anthropic_is "chat"' -l 'web-fetch-max-uses' -x -d 'At most N fetches per answer (implies --web-fetch)'
complete -c anthropic -n '__anthropic_is "chat"' -l 'allow-domain' -x -d 'Search and fetch only this domain; repeatable'
complete -c anthropic -n '__anthropic_is "chat"' -l 'block-domain' -x -d 'Never search or fetch this domain; repeatable'
complete -c anthropic -n '__anthropic_is "chat"' -l 'user-location' -x -d 'Localise web search results (any part may be empty; COUNTRY two letters, TZ such as Europe/Oslo)'
complete -c anthropic -n '__anthropic_is "chat"' -l 'code-execution' -d 'Let the model run code in a sandbox (the code_execution server tool)'
complete -c anthropic -n '__anthropic_is "chat"' -l 'container' -x -d 'Reuse this code execution container'
complete -c anthropic -n '__anthropic_is "chat"' -l 'mcp-server' -x -d 'A remote MCP server the API connects to (MCP connector beta); the token is read from the environment variable VAR; repeatable'
complete -c anthropic -n '__anthropic_is "chat"' -l 'metadata-user' -x -d 'metadata.user_id: an opaque id of your end user (no name or email)'
complete -c anthropic -n '__anthropic_is "chat"' -l 'inference-geo' -x -d 'inference_geo: where the model runs (us, global, ...)'
complete -c anthropic -n '__anthropic_is "chat"' -l 'citations' -d 'After a text answer, list the sources it cites (Sources: [N] TITLE URL) and mark each cited span with [N]'
complete -c anthropic -n '__anthropic_is "chat"' -l 'no-cache' -d 'No prompt-caching breakpoint on the last user turn'
complete -c anthropic -n '__anthropic_is "chat"' -l 'raw' -d 'No Markdown styling of answers'
complete -c anthropic -n '__anthropic_is "chat"' -s 'c' -l 'continue' -d 'Continue the most recent logged conversation: its turns go before the new prompt, its model is used unless -m is given, and the exchange joins it'
complete -c anthropic -n '__anthropic_is "chat"' -l 'cid' -x -d 'Continue this logged conversation (anthropic logs shows the ids)'
complete -c anthropic -n '__anthropic_is "chat"' -l 'no-log' -d 'Do not record this exchange in the log'
complete -c anthropic -n '__anthropic_is "chat"' -s 'r' -l 'resume' -r -F -d 'Resume a logged conversation by id (or its start), or import an exported JSON file as a new one'
complete -c anthropic -n '__anthropic_is "chat"' -l 'list' -d 'List logged conversations (id, date, model, first line) and exit'

# anthropic count-tokens
complete -c anthropic -n '__anthropic_is "count-tokens"' -s 'm' -l 'model' -x -a '(__anthropic_models)' -d 'Model (default: $ANTHROPIC_MODEL, then model in the config file, then claude-sonnet-4-6)'
complete -c anthropic -n '__anthropic_is "count-tokens"' -s 's' -l 'system' -x -d 'System prompt'
complete -c anthropic -n '__anthropic_is "count-tokens"' -l 'system-file' -r -F -d 'Read the system prompt from a file (- for stdin)'
complete -c anthropic -n '__anthropic_is "count-tokens"' -s 'a' -l 'attach' -r -F -d 'Attach an image, PDF or text file (type from its content), a URL (.pdf: document, else image; never fetched here), or - for stdin; repeatable'
complete -c anthropic -n '__anthropic_is "count-tokens"' -l 'thinking' -x -d 'Extended thinking with this token budget (at least 1024; 0 turns it off), or adaptive (the model decides)'
complete -c anthropic -n '__anthropic_is "count-tokens"' -l 'effort' -x -a 'low medium high xhigh max' -d 'output_config.effort: low, medium, high, xhigh or max'
complete -c anthropic -n '__anthropic_is "count-tokens"' -l 'schema' -r -F -d 'Structured output: a JSON Schema file, inline JSON ({...}), or fields such as \'name, born int, bio: a one-line biography\' (types str, int, float, bool)'
complete -c anthropic -n '__anthropic_is "count-tokens"' -l 'cache' -d 'Add cache_control to the system prompt and the last user block'
complete -c anthropic -n '__anthropic_is "count-tokens"' -l 'cache-ttl' -x -a '5m 1h' -d 'Cache lifetime, 5m or 1h (implies --cache)'
complete -c anthropic -n '__anthropic_is "count-tokens"' -l 'tool' -r -F -d 'Tool definition JSON file; repeatable'
complete -c anthropic -n '__anthropic_is "count-tokens"' -l 'tool-choice' -x -a 'auto any none' -d 'auto, any, none or a tool name'
complete -c anthropic -n '__anthropic_is "count-tokens"' -l 'request' -r -F -d 'A full request body as JSON; flags given here override its fields'
complete -c anthropic -n '__anthropic_is "count-tokens"' -s 'n' -l 'no-stdin' -d 'Leave standard input unread (for loops that feed stdin to something else); an explicit - still reads it'
complete -c anthropic -n '__anthropic_is "count-tokens"' -l 'template' -x -d 'Apply a saved template (\'anthropic templates\'); options given here win over its values'
complete -c anthropic -n '__anthropic_is "count-tokens"' -s 'p' -l 'param' -x -d 'Fill $NAME in the template\'s prompt with VALUE; repeatable'
complete -c anthropic -n '__anthropic_is "count-tokens"' -l 'format' -x -a 'text json' -d 'text (default): the number; json: the API\'s answer'

# anthropic tool-loop
complete -c anthropic -n '__anthropic_is "tool-loop"' -s 'm' -l 'model' -x -a '(__anthropic_models)' -d 'Model (default: $ANTHROPIC_MODEL, then model in the config file, then claude-sonnet-4-6)'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'max-tokens' -x -d 'Most tokens to generate, 1 to 1000000 (default: per model)'
complete -c anthropic -n '__anthropic_is "tool-loop"' -s 's' -l 'system' -x -d 'System prompt'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'system-file' -r -F -d 'Read the system prompt from a file (- for stdin)'
complete -c anthropic -n '__anthropic_is "tool-loop"' -s 't' -l 'temperature' -x -d 'Sampling temperature, 0 to 1'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'top-p' -x -d 'Nucleus sampling, 0 to 1'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'top-k' -x -d 'Sample from the top K tokens, 0 to 1000000'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'stop' -x -d 'Stop sequence; repeatable'
complete -c anthropic -n '__anthropic_is "tool-loop"' -s 'a' -l 'attach' -r -F -d 'Attach an image, PDF or text file (type from its content), a URL (.pdf: document, else image; never fetched here), or - for stdin; repeatable'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'thinking' -x -d 'Extended thinking with this token budget (at least 1024; 0 turns it off), or adaptive (the model decides)'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'effort' -x -a 'low medium high xhigh max' -d 'output_config.effort: low, medium, high, xhigh or max'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'schema' -r -F -d 'Structured output: a JSON Schema file, inline JSON ({...}), or fields such as \'name, born int, bio: a one-line biography\' (types str, int, float, bool)'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'service-tier' -x -a 'auto standard_only' -d 'auto or standard_only'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'cache' -d 'Add cache_control to the system prompt and the last user block'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'cache-ttl' -x -a '5m 1h' -d 'Cache lifetime, 5m or 1h (implies --cache)'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'tool' -r -F -d 'Tool definition JSON file; repeatable'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'tool-choice' -x -a 'auto any none' -d 'auto, any, none or a tool name'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'request' -r -F -d 'A full request body as JSON; flags given here override its fields'
complete -c anthropic -n '__anthropic_is "tool-loop"' -s 'n' -l 'no-stdin' -d 'Leave standard input unread (for loops that feed stdin to something else); an explicit - still reads it'
complete -c anthropic -n '__anthropic_is "tool-loop"' -s 'u' -l 'usage' -d 'Print token usage and an estimated cost to stderr'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'show-thinking' -d 'Print the model\'s thinking to stderr (never stdout)'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'template' -x -d 'Apply a saved template (\'anthropic templates\'); options given here win over its values'
complete -c anthropic -n '__anthropic_is "tool-loop"' -s 'p' -l 'param' -x -d 'Fill $NAME in the template\'s prompt with VALUE; repeatable'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'mcp' -x -d 'Start a Model Context Protocol server over stdio (the words split as a shell would, no shell run) and offer its tools; repeatable'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'max-iterations' -x -d 'Most API calls before giving up, 1 to 10000 (default: 10)'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'parallel' -x -d 'Calls of one turn run at once, 1 to 64 (default: 4)'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'tool-timeout' -x -d 'Longest a tool may run before its process tree is killed, 0.001 to 86400 (default: 60.0)'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'tool-output-limit' -x -d 'Most bytes of a tool\'s output sent to the model, 0 to 67108864 (default: 100000)'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'trace' -d 'Print each tool call and its (shortened) result to stderr'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'approve' -d 'Ask y/N on the terminal before each tool call'
complete -c anthropic -n '__anthropic_is "tool-loop"' -s 'y' -l 'yes' -d 'With --approve: run every call without asking (for use without a terminal)'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'web-search' -d 'Let the model search the web (Anthropic\'s web_search server tool)'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'web-search-max-uses' -x -d 'At most N searches per answer (implies --web-search)'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'web-fetch' -d 'Let the model fetch web pages and PDFs (the web_fetch server tool)'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'web-fetch-max-uses' -x -d 'At most N fetches per answer (implies --web-fetch)'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'allow-domain' -x -d 'Search and fetch only this domain; repeatable'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'block-domain' -x -d 'Never search or fetch this domain; repeatable'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'user-location' -x -d 'Localise web search results (any part may be empty; COUNTRY two letters, TZ such as Europe/Oslo)'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'code-execution' -d 'Let the model run code in a sandbox (the code_execution server tool)'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'container' -x -d 'Reuse this code execution container'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'mcp-server' -x -d 'A remote MCP server the API connects to (MCP connector beta); the token is read from the environment variable VAR; repeatable'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'metadata-user' -x -d 'metadata.user_id: an opaque id of your end user (no name or email)'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'inference-geo' -x -d 'inference_geo: where the model runs (us, global, ...)'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'citations' -d 'After a text answer, list the sources it cites (Sources: [N] TITLE URL) and mark each cited span with [N]'
complete -c anthropic -n '__anthropic_is "tool-loop"' -s 'c' -l 'continue' -d 'Continue the most recent logged conversation: its turns go before the new prompt, its model is used unless -m is given, and the exchange joins it'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'cid' -x -d 'Continue this logged conversation (anthropic logs shows the ids)'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'no-log' -d 'Do not record this exchange in the log'
complete -c anthropic -n '__anthropic_is "tool-loop"' -l 'format' -x -a 'text json jsonl' -d 'text (default): the text as it arrives; json: the final Message object; jsonl: every stream event and every tool call and result, one JSON object per line'

# anthropic logs
complete -c anthropic -n '__anthropic_is "logs"' -a 'list' -d 'The most recent exchanges, newest first'
complete -c anthropic -n '__anthropic_is "logs"' -a 'search' -d 'Exchanges whose prompt or answer match QUERY (FTS5 syntax), best first'
complete -c anthropic -n '__anthropic_is "logs"' -a 'show' -d 'One whole exchange (--format json: its row)'
complete -c anthropic -n '__anthropic_is "logs"' -a 'usage' -d 'Calls, tokens and estimated cost per day or per model, from the log'
complete -c anthropic -n '__anthropic_is "logs"' -a 'path' -d 'Print the log database\'s path'
complete -c anthropic -n '__anthropic_is "logs"' -a 'status' -d 'Whether logging is on, and the log\'s rows, conversations and size'
complete -c anthropic -n '__anthropic_is "logs"' -a 'on' -d 'Log every exchange (the default)'
complete -c anthropic -n '__anthropic_is "logs"' -a 'off' -d 'Stop logging exchanges (config set log off)'
complete -c anthropic -n '__anthropic_is "logs"' -a 'delete' -d 'Delete one exchange, or a whole conversation (--cid)'
complete -c anthropic -n '__anthropic_is "logs"' -s 'n' -l 'count' -x -d 'How many exchanges (default 10)'
complete -c anthropic -n '__anthropic_is "logs"' -l 'model' -x -a '(__anthropic_models)' -d 'Only this model\'s'
complete -c anthropic -n '__anthropic_is "logs"' -l 'cid' -x -d 'Only this conversation\'s'
complete -c anthropic -n '__anthropic_is "logs"' -l 'since' -x -d 'Only since then: 7d, 12h, 30m, 2w or a date (2026-12-01)'
complete -c anthropic -n '__anthropic_is "logs"' -l 'format' -x -a 'text json jsonl' -d 'text (default): a block per exchange on a terminal, tab-separated lines when piped; json: one array of the rows; jsonl: a row per line'

# anthropic logs list
complete -c anthropic -n '__anthropic_is "logs list"' -s 'n' -l 'count' -x -d 'How many exchanges (default 10)'
complete -c anthropic -n '__anthropic_is "logs list"' -l 'model' -x -a '(__anthropic_models)' -d 'Only this model\'s'
complete -c anthropic -n '__anthropic_is "logs list"' -l 'cid' -x -d 'Only this conversation\'s'
complete -c anthropic -n '__anthropic_is "logs list"' -l 'since' -x -d 'Only since then: 7d, 12h, 30m, 2w or a date (2026-12-01)'
complete -c anthropic -n '__anthropic_is "logs list"' -l 'format' -x -a 'text json jsonl' -d 'text (default): a block per exchange on a terminal, tab-separated lines when piped; json: one array of the rows; jsonl: a row per line'

# anthropic logs search
complete -c anthropic -n '__anthropic_is "logs search"' -s 'n' -l 'count' -x -d 'How many exchanges (default 10)'
complete -c anthropic -n '__anthropic_is "logs search"' -l 'model' -x -a '(__anthropic_models)' -d 'Only this model\'s'
complete -c anthropic -n '__anthropic_is "logs search"' -l 'cid' -x -d 'Only this conversation\'s'
complete -c anthropic -n '__anthropic_is "logs search"' -l 'since' -x -d 'Only since then: 7d, 12h, 30m, 2w or a date (2026-12-01)'
complete -c anthropic -n '__anthropic_is "logs search"' -l 'format' -x -a 'text json jsonl' -d 'text (default): a block per exchange on a terminal, tab-separated lines when piped; json: one array of the rows; jsonl: a row per line'

# anthropic logs show
complete -c anthropic -n '__anthropic_is "logs show"' -l 'format' -x -d 'text (default) or json'

# anthropic logs usage
complete -c anthropic -n '__anthropic_is "logs usage"' -l 'since' -x -d 'Since then: 7d, 12h, 30m, 2w or a date (default: everything)'
complete -c anthropic -n '__anthropic_is "logs usage"' -l 'by' -x -d 'day (default) or model'
complete -c anthropic -n '__anthropic_is "logs usage"' -l 'format' -x -a 'text json jsonl' -d 'text (default), json or jsonl'

# anthropic logs path

# anthropic logs status

# anthropic logs on

# anthropic logs off

# anthropic logs delete
complete -c anthropic -n '__anthropic_is "logs delete"' -l 'cid' -x -d 'Delete this conversation'

# anthropic models
complete -c anthropic -n '__anthropic_is "models"' -a 'list' -d 'List the available models (GET /v1/models)'
complete -c anthropic -n '__anthropic_is "models"' -a 'get' -d 'Show one model (GET /v1/models/{id})'
complete -c anthropic -n '__anthropic_is "models"' -l 'limit' -x -d 'Page size, 1 to 1000 (default 20)'
complete -c anthropic -n '__anthropic_is "models"' -l 'after-id' -x -d 'Start after this id'
complete -c anthropic -n '__anthropic_is "models"' -l 'before-id' -x -d 'Page before this id'
complete -c anthropic -n '__anthropic_is "models"' -l 'all' -d 'Keep fetching pages until has_more is false'
complete -c anthropic -n '__anthropic_is "models"' -l 'format' -x -a 'text json jsonl' -d 'text (default): aligned columns under a header on a terminal, tab-separated lines when piped; json: one JSON array of the API objects; jsonl: one object per line'

# anthropic models list
complete -c anthropic -n '__anthropic_is "models list"' -l 'limit' -x -d 'Page size, 1 to 1000 (default 20)'
complete -c anthropic -n '__anthropic_is "models list"' -l 'after-id' -x -d 'Start after this id'
complete -c anthropic -n '__anthropic_is "models list"' -l 'before-id' -x -d 'Page before this id'
complete -c anthropic -n '__anthropic_is "models list"' -l 'all' -d 'Keep fetching pages until has_more is false'
complete -c anthropic -n '__anthropic_is "models list"' -l 'format' -x -a 'text json jsonl' -d 'text (default): aligned columns under a header on a terminal, tab-separated lines when piped; json: one JSON array of the API objects; jsonl: one object per line'

# anthropic models get
complete -c anthropic -n '__anthropic_is "models get"' -l 'format' -x -a 'text json' -d 'text (default): id, display name, created date; json: the API object'

# anthropic batches
complete -c anthropic -n '__anthropic_is "batches"' -a 'create' -d 'Create a batch (POST /v1/messages/batches) from JSONL (--input) or one prompt per line (--prompts, built with the request options). Everything is validated before anything is sent'
complete -c anthropic -n '__anthropic_is "batches"' -a 'get' -d 'Show a batch (GET /v1/messages/batches/{id})'
complete -c anthropic -n '__anthropic_is "batches"' -a 'list' -d 'List batches, newest first (GET /v1/messages/batches)'
complete -c anthropic -n '__anthropic_is "batches"' -a 'cancel' -d 'Cancel a batch (POST /v1/messages/batches/{id}/cancel)'
complete -c anthropic -n '__anthropic_is "batches"' -a 'delete' -d 'Delete an ended batch (DELETE /v1/messages/batches/{id})'
complete -c anthropic -n '__anthropic_is "batches"' -a 'wait' -d 'Poll a batch until it has ended (progress on stderr), then print it. Ctrl-C stops waiting; the batch goes on'
complete -c anthropic -n '__anthropic_is "batches"' -a 'results' -d 'Download a batch\'s results as JSONL (one result per line, in order) to stdout or a file'

# anthropic batches create
complete -c anthropic -n '__anthropic_is "batches create"' -l 'input' -r -F -d 'JSONL, one {"custom_id":..,"params":{..}} per line'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'prompts' -r -F -d 'One prompt per line (custom id line-N, or ID<TAB>prompt)'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'split' -d 'Over 100,000 requests or 256 MB: create several batches, print every one'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'wait' -d 'Poll until the batch has ended; progress on stderr'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'format' -x -a 'text json' -d 'text (default): one tab-separated line; json: the API object'
complete -c anthropic -n '__anthropic_is "batches create"' -s 'm' -l 'model' -x -a '(__anthropic_models)' -d 'Model (default: $ANTHROPIC_MODEL, then model in the config file, then claude-sonnet-4-6)'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'max-tokens' -x -d 'Most tokens to generate, 1 to 1000000 (default: per model)'
complete -c anthropic -n '__anthropic_is "batches create"' -s 's' -l 'system' -x -d 'System prompt'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'system-file' -r -F -d 'Read the system prompt from a file (- for stdin)'
complete -c anthropic -n '__anthropic_is "batches create"' -s 't' -l 'temperature' -x -d 'Sampling temperature, 0 to 1'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'top-p' -x -d 'Nucleus sampling, 0 to 1'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'top-k' -x -d 'Sample from the top K tokens, 0 to 1000000'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'stop' -x -d 'Stop sequence; repeatable'
complete -c anthropic -n '__anthropic_is "batches create"' -s 'a' -l 'attach' -r -F -d 'Attach an image, PDF or text file (type from its content), a URL (.pdf: document, else image; never fetched here), or - for stdin; repeatable'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'thinking' -x -d 'Extended thinking with this token budget (at least 1024; 0 turns it off), or adaptive (the model decides)'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'effort' -x -a 'low medium high xhigh max' -d 'output_config.effort: low, medium, high, xhigh or max'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'schema' -r -F -d 'Structured output: a JSON Schema file, inline JSON ({...}), or fields such as \'name, born int, bio: a one-line biography\' (types str, int, float, bool)'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'service-tier' -x -a 'auto standard_only' -d 'auto or standard_only'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'cache' -d 'Add cache_control to the system prompt and the last user block'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'cache-ttl' -x -a '5m 1h' -d 'Cache lifetime, 5m or 1h (implies --cache)'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'tool' -r -F -d 'Tool definition JSON file; repeatable'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'tool-choice' -x -a 'auto any none' -d 'auto, any, none or a tool name'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'request' -r -F -d 'A full request body as JSON; flags given here override its fields'
complete -c anthropic -n '__anthropic_is "batches create"' -s 'n' -l 'no-stdin' -d 'Leave standard input unread (for loops that feed stdin to something else); an explicit - still reads it'
complete -c anthropic -n '__anthropic_is "batches create"' -s 'u' -l 'usage' -d 'Print token usage and an estimated cost to stderr'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'show-thinking' -d 'Print the model\'s thinking to stderr (never stdout)'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'template' -x -d 'Apply a saved template (\'anthropic templates\'); options given here win over its values'
complete -c anthropic -n '__anthropic_is "batches create"' -s 'p' -l 'param' -x -d 'Fill $NAME in the template\'s prompt with VALUE; repeatable'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'web-search' -d 'Let the model search the web (Anthropic\'s web_search server tool)'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'web-search-max-uses' -x -d 'At most N searches per answer (implies --web-search)'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'web-fetch' -d 'Let the model fetch web pages and PDFs (the web_fetch server tool)'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'web-fetch-max-uses' -x -d 'At most N fetches per answer (implies --web-fetch)'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'allow-domain' -x -d 'Search and fetch only this domain; repeatable'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'block-domain' -x -d 'Never search or fetch this domain; repeatable'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'user-location' -x -d 'Localise web search results (any part may be empty; COUNTRY two letters, TZ such as Europe/Oslo)'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'code-execution' -d 'Let the model run code in a sandbox (the code_execution server tool)'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'container' -x -d 'Reuse this code execution container'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'mcp-server' -x -d 'A remote MCP server the API connects to (MCP connector beta); the token is read from the environment variable VAR; repeatable'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'metadata-user' -x -d 'metadata.user_id: an opaque id of your end user (no name or email)'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'inference-geo' -x -d 'inference_geo: where the model runs (us, global, ...)'
complete -c anthropic -n '__anthropic_is "batches create"' -l 'citations' -d 'After a text answer, list the sources it cites (Sources: [N] TITLE URL) and mark each cited span with [N]'

# anthropic batches get
complete -c anthropic -n '__anthropic_is "batches get"' -l 'format' -x -a 'text json' -d 'text (default): one tab-separated line; json: the API object'

# anthropic batches list
complete -c anthropic -n '__anthropic_is "batches list"' -l 'limit' -x -d 'Page size, 1 to 1000 (default 20)'
complete -c anthropic -n '__anthropic_is "batches list"' -l 'after-id' -x -d 'Start after this id'
complete -c anthropic -n '__anthropic_is "batches list"' -l 'before-id' -x -d 'Page before this id'
complete -c anthropic -n '__anthropic_is "batches list"' -l 'all' -d 'Keep fetching pages until has_more is false'
complete -c anthropic -n '__anthropic_is "batches list"' -l 'format' -x -a 'text json jsonl' -d 'text (default): aligned columns under a header on a terminal, tab-separated lines when piped; json: one JSON array of the API objects; jsonl: one object per line'

# anthropic batches cancel
complete -c anthropic -n '__anthropic_is "batches cancel"' -l 'format' -x -a 'text json' -d 'text (default): one tab-separated line; json: the API object'

# anthropic batches delete
complete -c anthropic -n '__anthropic_is "batches delete"' -l 'format' -x -a 'text json' -d 'text (default): one tab-separated line; json: the API object'

# anthropic batches wait
complete -c anthropic -n '__anthropic_is "batches wait"' -l 'format' -x -a 'text json' -d 'text (default): one tab-separated line; json: the API object'

# anthropic batches results
complete -c anthropic -n '__anthropic_is "batches results"' -s 'o' -l 'output' -r -F -d 'Write to FILE (renamed into place only when the download is complete)'
complete -c anthropic -n '__anthropic_is "batches results"' -l 'only' -x -a 'succeeded errored canceled expired' -d 'Only results of this type: succeeded, errored, canceled or expired'
complete -c anthropic -n '__anthropic_is "batches results"' -l 'text' -d 'For succeeded results print custom_id<TAB>text (\\n, \\t and \\\\ escaped), one a line; a JSON answer (a --schema batch) as compact JSON'
complete -c anthropic -n '__anthropic_is "batches results"' -l 'answers' -d 'Print only the answers of succeeded results, one a line, in order: for a --schema batch, one JSON value per line (JSONL)'

# anthropic files
complete -c anthropic -n '__anthropic_is "files"' -a 'upload' -d 'Upload a file (POST /v1/files); prints its id. The type comes from its content'
complete -c anthropic -n '__anthropic_is "files"' -a 'list' -d 'List uploaded files, newest first (GET /v1/files)'
complete -c anthropic -n '__anthropic_is "files"' -a 'get' -d 'Show a file\'s metadata (GET /v1/files/{id})'
complete -c anthropic -n '__anthropic_is "files"' -a 'download' -d 'Download a file\'s content (GET /v1/files/{id}/content) to stdout or a file, in constant memory'
complete -c anthropic -n '__anthropic_is "files"' -a 'delete' -d 'Delete a file (DELETE /v1/files/{id})'

# anthropic files upload
complete -c anthropic -n '__anthropic_is "files upload"' -l 'format' -x -a 'text json' -d 'text (default): one tab-separated line; json: the API object'

# anthropic files list
complete -c anthropic -n '__anthropic_is "files list"' -l 'limit' -x -d 'Page size, 1 to 1000 (default 20)'
complete -c anthropic -n '__anthropic_is "files list"' -l 'after-id' -x -d 'Start after this id'
complete -c anthropic -n '__anthropic_is "files list"' -l 'before-id' -x -d 'Page before this id'
complete -c anthropic -n '__anthropic_is "files list"' -l 'all' -d 'Keep fetching pages until has_more is false'
complete -c anthropic -n '__anthropic_is "files list"' -l 'format' -x -a 'text json jsonl' -d 'text (default): aligned columns under a header on a terminal, tab-separated lines when piped; json: one JSON array of the API objects; jsonl: one object per line'

# anthropic files get
complete -c anthropic -n '__anthropic_is "files get"' -l 'format' -x -a 'text json' -d 'text (default): one tab-separated line; json: the API object'

# anthropic files download
complete -c anthropic -n '__anthropic_is "files download"' -s 'o' -l 'output' -r -F -d 'Write to FILE (renamed into place only when the download is complete)'

# anthropic files delete
complete -c anthropic -n '__anthropic_is "files delete"' -l 'format' -x -a 'text json' -d 'text (default): one tab-separated line; json: the API object'

# anthropic completion
complete -c anthropic -n '__anthropic_is "completion"' -a 'bash zsh fish' -d 'bash, zsh or fish'

# anthropic mock-server
complete -c anthropic -n '__anthropic_is "mock-server"' -l 'port' -x -d 'Port on 127.0.0.1 (default: 0, any free port)'
complete -c anthropic -n '__anthropic_is "mock-server"' -l 'replies' -r -F -d 'Answer the first requests with these replies, one per request in order (replies separated by a line ---), kept exactly, whitespace and newlines included'
complete -c anthropic -n '__anthropic_is "mock-server"' -l 'pace' -x -d 'Milliseconds between the text deltas of a streamed answer (default: 0; a request\'s x-mock-pace header wins)'

# anthropic config
complete -c anthropic -n '__anthropic_is "config"' -a 'get' -d 'Print the value of KEY in the config file (exit 1 when it is not set)'
complete -c anthropic -n '__anthropic_is "config"' -a 'set' -d 'Set KEY to VALUE in the config file (created mode 0600 in a directory of mode 0700)'
complete -c anthropic -n '__anthropic_is "config"' -a 'unset' -d 'Remove KEY from the config file'
complete -c anthropic -n '__anthropic_is "config"' -a 'list' -d 'Print every key=value of the config file (keys and tokens masked)'
complete -c anthropic -n '__anthropic_is "config"' -a 'path' -d 'Print the config file\'s path (it may not exist yet)'

# anthropic config get

# anthropic config set

# anthropic config unset

# anthropic config list

# anthropic config path

# anthropic keys
complete -c anthropic -n '__anthropic_is "keys"' -a 'set' -d 'Read an API key (without echo on a terminal, else the one line of stdin) and store it as api-key in the config file (mode 0600). A key with control or non-ASCII characters is refused'

# anthropic keys set

# anthropic templates
complete -c anthropic -n '__anthropic_is "templates"' -a 'save' -d 'Save the request options given here (and --prompt) as a template; an existing one of that name is replaced'
complete -c anthropic -n '__anthropic_is "templates"' -a 'list' -d 'List the saved templates, one name a line'
complete -c anthropic -n '__anthropic_is "templates"' -a 'show' -d 'Print a template\'s file'
complete -c anthropic -n '__anthropic_is "templates"' -a 'edit' -d 'Open a template\'s file in $VISUAL or $EDITOR, then check it'
complete -c anthropic -n '__anthropic_is "templates"' -a 'delete' -d 'Delete a saved template'
complete -c anthropic -n '__anthropic_is "templates"' -a 'path' -d 'Print the directory the templates are in'

# anthropic templates save
complete -c anthropic -n '__anthropic_is "templates save"' -l 'prompt' -x -d 'The prompt: $input is standard input (else the PROMPT words), $NAME a -p value; $ is a $'
complete -c anthropic -n '__anthropic_is "templates save"' -s 'm' -l 'model' -x -a '(__anthropic_models)' -d 'Model (default: $ANTHROPIC_MODEL, then model in the config file, then claude-sonnet-4-6)'
complete -c anthropic -n '__anthropic_is "templates save"' -l 'max-tokens' -x -d 'Most tokens to generate, 1 to 1000000 (default: per model)'
complete -c anthropic -n '__anthropic_is "templates save"' -s 's' -l 'system' -x -d 'System prompt'
complete -c anthropic -n '__anthropic_is "templates save"' -l 'system-file' -r -F -d 'Read the system prompt from a file (- for stdin)'
complete -c anthropic -n '__anthropic_is "templates save"' -s 't' -l 'temperature' -x -d 'Sampling temperature, 0 to 1'
complete -c anthropic -n '__anthropic_is "templates save"' -l 'top-p' -x -d 'Nucleus sampling, 0 to 1'
complete -c anthropic -n '__anthropic_is "templates save"' -l 'top-k' -x -d 'Sample from the top K tokens, 0 to 1000000'
complete -c anthropic -n '__anthropic_is "templates save"' -l 'stop' -x -d 'Stop sequence; repeatable'
complete -c anthropic -n '__anthropic_is "templates save"' -s 'a' -l 'attach' -r -F -d 'Attach an image, PDF or text file (type from its content), a URL (.pdf: document, else image; never fetched here), or - for stdin; repeatable'
complete -c anthropic -n '__anthropic_is "templates save"' -l 'thinking' -x -d 'Extended thinking with this token budget (at least 1024; 0 turns it off), or adaptive (the model decides)'
complete -c anthropic -n '__anthropic_is "templates save"' -l 'effort' -x -a 'low medium high xhigh max' -d 'output_config.effort: low, medium, high, xhigh or max'
complete -c anthropic -n '__anthropic_is "templates save"' -l 'schema' -r -F -d 'Structured output: a JSON Schema file, inline JSON ({...}), or fields such as \'name, born int, bio: a one-line biography\' (types str, int, float, bool)'
complete -c anthropic -n '__anthropic_is "templates save"' -l 'service-tier' -x -a 'auto standard_only' -d 'auto or standard_only'
complete -c anthropic -n '__anthropic_is "templates save"' -l 'cache' -d 'Add cache_control to the system prompt and the last user block'
complete -c anthropic -n '__anthropic_is "templates save"' -l 'cache-ttl' -x -a '5m 1h' -d 'Cache lifetime, 5m or 1h (implies --cache)'
complete -c anthropic -n '__anthropic_is "templates save"' -l 'tool' -r -F -d 'Tool definition JSON file; repeatable'
complete -c anthropic -n '__anthropic_is "templates save"' -l 'tool-choice' -x -a 'auto any none' -d 'auto, any, none or a tool name'
complete -c anthropic -n '__anthropic_is "templates save"' -l 'request' -r -F -d 'A full request body as JSON; flags given here override its fields'
complete -c anthropic -n '__anthropic_is "templates save"' -s 'n' -l 'no-stdin' -d 'Leave standard input unread (for loops that feed stdin to something else); an explicit - still reads it'
complete -c anthropic -n '__anthropic_is "templates save"' -s 'u' -l 'usage' -d 'Print token usage and an estimated cost to stderr'
complete -c anthropic -n '__anthropic_is "templates save"' -l 'show-thinking' -d 'Print the model\'s thinking to stderr (never stdout)'
complete -c anthropic -n '__anthropic_is "templates save"' -l 'template' -x -d 'Apply a saved template (\'anthropic templates\'); options given here win over its values'
complete -c anthropic -n '__anthropic_is "templates save"' -s 'p' -l 'param' -x -d 'Fill $NAME in the template\'s prompt with VALUE; repeatable'

# anthropic templates list

# anthropic templates show

# anthropic templates edit

# anthropic templates delete

# anthropic templates path

# anthropic aliases
complete -c anthropic -n '__anthropic_is "aliases"' -a 'set' -d 'Make NAME mean MODEL wherever a model is given (replaces one of that name)'
complete -c anthropic -n '__anthropic_is "aliases"' -a 'list' -d 'List the aliases, built-in ones included: NAME<TAB>MODEL a line'
complete -c anthropic -n '__anthropic_is "aliases"' -a 'remove' -d 'Remove one of your aliases (exit 1 when there is none of that name)'

# anthropic aliases set

# anthropic aliases list

# anthropic aliases remove

# anthropic install
complete -c anthropic -n '__anthropic_is "install"' -l 'force' -d 'Replace an existing DIR/anthropic'

# anthropic help
