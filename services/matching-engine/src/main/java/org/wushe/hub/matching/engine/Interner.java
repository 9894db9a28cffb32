package org.wushe.hub.matching.engine;

import java.util.HashMap;
import java.util.Map;

/** One shared instance per distinct value (not thread-safe: the read model calls it under its write lock). */
final class Interner<T> {

    private final Map<T, T> values = new HashMap<>();

    T intern(T value) {
        T known = values.putIfAbsent(value, value);
        return known == null ? value : known;
    }

    int size() {
        return values.size();
    }
}
