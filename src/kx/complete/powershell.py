"""The PowerShell completion script (``Register-ArgumentCompleter -Native``).

The tables are ordinal (case-sensitive) dictionaries: PowerShell's ``@{}`` ignores case, and
``-p`` is not ``-P``.
"""

from __future__ import annotations

from kx.complete.tables import Tables
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.complete.model import Tree

FUNCTIONS = r"""
function global:KxFlag([string]$node, [string]$word) {
    if (-not $global:KxG.ContainsKey($node)) { return $null }
    foreach ($g in $global:KxG[$node].Split(' ')) {
        $key = "$g $word"
        if ($global:KxF.ContainsKey($key)) { return ,@($g, $global:KxF[$key]) }
    }
    return $null
}

function global:KxSlot([string]$node, [int]$index) {
    if (-not $global:KxA.ContainsKey($node)) { return '-' }
    $a = $global:KxA[$node].Split(' ')
    if ($index -lt $a.Count) { return $a[$index] }
    if ($global:KxR.ContainsKey($node)) { return $a[$a.Count - 1] }
    return '-'
}

function global:KxResult([string]$text, [string]$desc, [string]$kind) {
    if (-not $desc) { $desc = $text }
    [System.Management.Automation.CompletionResult]::new($text, $text, $kind, $desc)
}

function global:KxPaths([string]$id, [string]$cur, [string]$prefix) {
    $cut = $cur.LastIndexOfAny([char[]]@('/', '\'))
    $parent = if ($cut -ge 0) { $cur.Substring(0, $cut + 1) } else { '' }
    $leaf = $cur.Substring($cut + 1)
    $where = if ($parent) { $parent } else { '.' }
    foreach ($item in Get-ChildItem -LiteralPath $where -Force -ErrorAction SilentlyContinue) {
        if (-not $item.Name.StartsWith($leaf, [System.StringComparison]::Ordinal)) { continue }
        $isDir = $item.PSIsContainer
        if ($id -eq 'd' -and -not $isDir) { continue }
        $text = $prefix + $parent + $item.Name + $(if ($isDir) { '/' } else { '' })
        if ($text -match '[\s''`$]') { $text = "'" + $text.Replace("'", "''") + "'" }
        KxResult $text '' 'ProviderItem'
    }
}

function global:KxValues([string]$id, [string]$cur, [string]$prefix) {
    if ($id -eq '-') { return }
    if ($id -eq 'f' -or $id -eq 'd') { KxPaths $id $cur $prefix; return }
    foreach ($v in $global:KxC[$id].Split(' ')) {
        if ($v.StartsWith($cur, [System.StringComparison]::Ordinal)) {
            KxResult ($prefix + $v) '' 'ParameterValue'
        }
    }
}

function global:KxOffer([string]$list, [string]$node, [string]$cur, [string]$kind) {
    foreach ($word in $list.Split(' ')) {
        if (-not $word.StartsWith($cur, [System.StringComparison]::Ordinal)) { continue }
        $key = "$node $word"
        if ($kind -eq 'ParameterName') { $key = (KxFlag $node $word)[0] + " $word" }
        $desc = if ($global:KxH.ContainsKey($key)) { $global:KxH[$key] } else { '' }
        KxResult $word $desc $kind
    }
}

function global:KxWords($commandAst, [int]$cursor) {
    $words = [System.Collections.Generic.List[string]]::new()
    foreach ($e in $commandAst.CommandElements) {
        if ($e.Extent.StartOffset -ge $cursor) { break }
        if ($e -is [System.Management.Automation.Language.StringConstantExpressionAst]) {
            $words.Add($e.Value)
        } else {
            $words.Add($e.Extent.Text)
        }
    }
    return ,$words
}

function global:KxComplete([string]$cur, $commandAst, [int]$cursor) {
    $words = KxWords $commandAst $cursor
    if ($cur -ne '' -and $words.Count -gt 0) { $words.RemoveAt($words.Count - 1) }
    $n = @ROOT@; $p = 0; $r = $false; $v = $null
    for ($i = 1; $i -lt $words.Count; $i++) {
        $w = $words[$i]
        if ($null -ne $v) { $v = $null }
        elseif ($r) { $p++ }
        elseif ($w -eq '--') {
            if ($global:KxD.ContainsKey($n)) { $n = $global:KxD[$n]; $p = 0 } else { $r = $true }
        }
        elseif ($w.StartsWith('--')) {
            if (-not $w.Contains('=')) {
                $f = KxFlag $n $w
                if ($f -and $f[1].StartsWith('1')) { $v = $f[1].Substring(2) }
            }
        }
        elseif ($w.Length -gt 1 -and $w.StartsWith('-')) {
            for ($j = 1; $j -lt $w.Length; $j++) {
                $f = KxFlag $n ('-' + $w[$j])
                if (-not $f) { break }
                if ($f[1].StartsWith('1')) {
                    if ($j -eq $w.Length - 1) { $v = $f[1].Substring(2) }
                    break
                }
            }
        }
        elseif ($p -eq 0 -and $global:KxS.ContainsKey("$n $w")) { $n = $global:KxS["$n $w"] }
        else {
            $p++
            if ($global:KxT.ContainsKey($n)) { $r = $true }
        }
    }
    if ($null -ne $v) { KxValues $v $cur ''; return }
    if ($r) { KxValues (KxSlot $n $p) $cur ''; return }
    if ($cur.StartsWith('--') -and $cur.Contains('=')) {
        $name, $rest = $cur.Split('=', 2)
        $f = KxFlag $n $name
        if ($f) { KxValues $f[1].Substring(2) $rest ($name + '=') }
        return
    }
    if ($cur.StartsWith('-')) {
        if ($global:KxG.ContainsKey($n)) {
            KxOffer $global:KxO[$global:KxG[$n]] $n $cur 'ParameterName'
        }
        return
    }
    if ($p -eq 0 -and $global:KxL.ContainsKey($n)) {
        KxOffer $global:KxL[$n] $n $cur 'Command'
    }
    KxValues (KxSlot $n $p) $cur ''
}

Register-ArgumentCompleter -Native -CommandName @PROGRAMS@ -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $results = @(KxComplete "$wordToComplete" $commandAst $cursorPosition)
    if ($results.Count -eq 0) { return '' }  # an empty string keeps PowerShell from listing files
    $results
}
"""

HEADER = """\
# PowerShell completion for kx. Generated by `kx completion show powershell` from the command
# specs; do not edit (regenerate instead). Dot-source it from your profile.

function global:KxTable([string]$text) {
    $table = [System.Collections.Generic.Dictionary[string, string]]::new([System.StringComparer]::Ordinal)
    foreach ($line in $text.Split("`n")) {
        $line = $line.TrimEnd("`r")
        if ($line) {
            $key, $value = $line.Split("`t", 2)
            $table[$key] = $value
        }
    }
    return ,$table
}
"""


def render(tree: Tree) -> str:
    """The PowerShell script for ``tree``."""
    t = Tables(tree)
    tables = [
        ("KxS", t.subs),
        ("KxL", {k: " ".join(w for w, _ in v) for k, v in t.sub_lists.items()}),
        ("KxG", {k: v for k, v in t.node_groups.items() if v}),
        ("KxF", t.flags),
        ("KxO", {k: " ".join(w for w, _ in v) for k, v in t.offered.items()}),
        ("KxH", t.descriptions(tree)),
        ("KxA", t.args),
        ("KxR", dict.fromkeys(t.repeat, "1")),
        ("KxT", dict.fromkeys(t.stop, "1")),
        ("KxD", t.dashdash),
        ("KxC", {k: " ".join(v) for k, v in t.choices.items()}),
    ]
    parts = [HEADER, *(_table(name, items) for name, items in tables)]
    programs = ", ".join(_quote(p) for p in t.programs)
    parts.append(FUNCTIONS.replace("@ROOT@", _quote(t.root)).replace("@PROGRAMS@", programs))
    return "".join(parts)


def _table(name: str, items: dict[str, str]) -> str:
    body = "".join(f"{k}\t{_clean(v)}\n" for k, v in sorted(items.items()))
    return f"$global:{name} = KxTable @'\n{body}'@\n"


def _clean(text: str) -> str:
    """Keep a value on one line of a literal here-string."""
    return " ".join(text.replace("\t", " ").split("\n"))


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
