/** Need-list import (需求清单导入): .xlsx/.csv, Chinese or English headers or a clerk's own (the import wizard: drafts, column mapping, fixes in place), validated row by row, imported in resumable chunks. */
package org.wushe.hub.community.needimport;
