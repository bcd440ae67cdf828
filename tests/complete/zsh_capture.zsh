# Loaded in the interactive zsh under test: report every match compsys accepts.
setopt no_auto_list no_beep no_list_ambiguous
unsetopt auto_menu
compadd() {
    if (( ${@[(I)-[OAD]]} )); then
        builtin compadd "$@"
        return
    fi
    local -a __kx_hits
    builtin compadd -O __kx_hits "$@"
    local h
    for h in $__kx_hits; do print -rn -- "@@HIT:${h}@@"; done
    builtin compadd "$@"
}
