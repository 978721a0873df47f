import type { ApolloServerPlugin } from '@apollo/server';

/** graphql-js's suggestions, as in "Cannot query field "nam" on type "Entity". Did you mean "name"?" */
const SUGGESTION = / ?Did you mean .+\?$/;

/**
 * Removes suggestions from every error: they map the schema for whoever probes it. Apollo's
 * hideSchemaDetailsFromClientErrors does this for validation errors only, and variable
 * coercion suggests too ("Did you mean the enum value "PERSON"?").
 */
export const hideSuggestionsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
      },
    };
  },
};
