# Drive an interactive zsh through zpty: for each line, type it, press TAB, report the matches.
# usage: zsh -f zsh_driver.zsh SCRIPT CAPTURE LINE...  (prints each line's output, then @@END@@)
# Keys are sent only once the prompt is drawn: zle drops type-ahead while it sets up the terminal.
zmodload zsh/zpty
local script=$1 capture=$2 line out
shift 2
zpty kxt zsh -f -i
zpty -w kxt "PS1='@@PRO''MPT@@ '; autoload -Uz compinit; compinit -u -D; source ${(q)script}; source ${(q)capture}"
zpty -r kxt out '*@@PROMPT@@*'
for line in "$@"; do
    zpty -w -n kxt "$line"$'\t'
    zpty -w -n kxt $'\C-e\C-u'"print -r -- '@@DO''NE@@'"$'\n'
    out=
    zpty -r kxt out '*@@DONE@@*'
    print -r -- "$out"
    print -r -- "@@END@@"
    zpty -r kxt out '*@@PROMPT@@*'
done
zpty -d kxt
