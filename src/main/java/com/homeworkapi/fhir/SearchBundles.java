package com.homeworkapi.fhir;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Resource;

/**
 * Searchset Bundles: the matches of one page, then what {@code _include} brought, with a
 * {@code self} link (the request as received) and, when more matches exist, a {@code next} link
 * that repeats the search with the position after this page ({@code _cursor}, opaque, keyset
 * paging as in {@code /v1}, so rows added meanwhile never shift a page).
 */
final class SearchBundles {

    private SearchBundles() {
    }

    /** The server's FHIR base as the caller reached it, such as {@code https://api.example.org/fhir/R4/}. */
    static String base(UriInfo uri) {
        return uri.getBaseUriBuilder().path(FhirMedia.BASE_PATH).build() + "/";
    }

    static Bundle searchset(UriInfo uri, List<? extends Resource> matches, List<? extends Resource> included,
            String nextCursor) {
        Bundle bundle = new Bundle();
        bundle.setType(BundleType.SEARCHSET);
        bundle.addLink().setRelation("self").setUrl(uri.getRequestUri().toString());
        if (nextCursor != null) {
            String next = UriBuilder.fromUri(uri.getRequestUri())
                    .replaceQueryParam(SearchParameters.CURSOR, nextCursor).build().toString();
            bundle.addLink().setRelation("next").setUrl(next);
        }
        String base = base(uri);
        for (Resource match : matches) {
            add(bundle, base, match, SearchEntryMode.MATCH);
        }
        for (Resource include : included) {
            add(bundle, base, include, SearchEntryMode.INCLUDE);
        }
        return bundle;
    }

    private static void add(Bundle bundle, String base, Resource resource, SearchEntryMode mode) {
        bundle.addEntry()
                .setFullUrl(base + resource.fhirType() + "/" + resource.getIdElement().getIdPart())
                .setResource(resource)
                .getSearch().setMode(mode);
    }
}
