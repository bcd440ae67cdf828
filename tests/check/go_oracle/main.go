// Oracle for tests/check/test_types_go.py: reads JSON lines ["kind", "value"] and prints one
// verdict per line (ok, or the error text), using the Go standard library that pflag relies on.
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

func check(kind, value string) error {
	switch kind {
	case "bool":
		_, err := strconv.ParseBool(value)
		return err
	case "int", "int64":
		_, err := strconv.ParseInt(value, 0, 64)
		return err
	case "int8":
		_, err := strconv.ParseInt(value, 0, 8)
		return err
	case "int16":
		_, err := strconv.ParseInt(value, 0, 16)
		return err
	case "int32":
		_, err := strconv.ParseInt(value, 0, 32)
		return err
	case "uint", "uint64":
		_, err := strconv.ParseUint(value, 0, 64)
		return err
	case "uint8":
		_, err := strconv.ParseUint(value, 0, 8)
		return err
	case "uint16":
		_, err := strconv.ParseUint(value, 0, 16)
		return err
	case "uint32":
		_, err := strconv.ParseUint(value, 0, 32)
		return err
	case "level":
		_, err := strconv.ParseInt(value, 10, 32)
		return err
	case "atoi":
		_, err := strconv.Atoi(value)
		return err
	case "float32":
		_, err := strconv.ParseFloat(value, 32)
		return err
	case "float64":
		_, err := strconv.ParseFloat(value, 64)
		return err
	case "duration":
		_, err := time.ParseDuration(value)
		return err
	case "csv":
		if value == "" {
			return nil
		}
		_, err := csv.NewReader(strings.NewReader(value)).Read()
		return err
	}
	return fmt.Errorf("unknown kind %q", kind)
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		var pair [2]string
		if err := json.Unmarshal(in.Bytes(), &pair); err != nil {
			panic(err)
		}
		if err := check(pair[0], pair[1]); err != nil {
			msg, _ := json.Marshal(err.Error())
			fmt.Fprintf(out, "%s\n", msg)
		} else {
			fmt.Fprintln(out, `"ok"`)
		}
	}
}
